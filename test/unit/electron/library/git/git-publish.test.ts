import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { parseStatus } from '../../../../../electron/library/git/parse-status';
import { makeGitSandbox, type GitSandbox } from '../../../../support/git-sandbox';
import { copyFixtureSite } from '../../../../support/temp-site';

let box: GitSandbox;
let library: Library;

const post = 'content/posts/first-post.md';

async function open(identity = true): Promise<void> {
  box = await makeGitSandbox('hugo-basic', identity);
  box.enter();
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: box.site });
}

async function append(file: string, text: string): Promise<void> {
  const target = path.join(box.site, file);
  await writeFile(target, `${await readFile(target, 'utf8')}${text}`);
}

beforeEach(() => {
  library = createLibrary({ watch: false });
});
afterEach(async () => {
  await library.close();
  await box?.cleanup();
});

describe('git status', () => {
  it('marks new, modified and deleted files against HEAD, content apart from other files', async () => {
    await open();
    await append(post, 'One more line.\n');
    await writeFile(path.join(box.site, 'content/posts/brand-new.md'), '---\ntitle: New\n---\nHi\n');
    await writeFile(path.join(box.site, 'hugo.toml'), 'title = "changed"\n');
    await import('node:fs/promises').then((fs) => fs.rm(path.join(box.site, 'content/posts/third-post.md')));
    const status = await library.handlers.gitStatus({});
    expect(status).toMatchObject({
      availability: 'ready',
      branch: 'main',
      upstream: 'origin/main',
      ahead: 0,
      behind: 0,
    });
    expect(status.identity).toEqual({ name: 'Test Writer', email: 'writer@example.test' });
    const byPath = Object.fromEntries(status.files.map((file) => [file.path, [file.state, file.inSite]]));
    expect(byPath).toEqual({
      [post]: ['modified', true],
      'content/posts/brand-new.md': ['new', true],
      'content/posts/third-post.md': ['deleted', true],
      'hugo.toml': ['modified', false],
    });
  });

  it('parses porcelain v2 records in one pass: renames, conflicts, submodules, paths with spaces', () => {
    const output = [
      '# branch.oid abc',
      '# branch.head topic',
      '# branch.upstream origin/topic',
      '# branch.ab +2 -3',
      '1 .M N... 100644 100644 100644 aaa bbb content/a b.md',
      '2 R. N... 100644 100644 100644 aaa bbb R100 content/new name.md',
      'content/old.md',
      'u UU N... 100644 100644 100644 100644 aaa bbb ccc content/c.md',
      '1 .M SC.. 160000 160000 160000 aaa bbb themes/ananke',
      '? static/img one.png',
      '',
    ].join('\0');
    const parsed = parseStatus(output);
    expect(parsed).toMatchObject({
      branch: 'topic',
      upstream: 'origin/topic',
      ahead: 2,
      behind: 3,
      submodules: true,
    });
    expect(parsed.entries).toEqual([
      { path: 'content/a b.md', from: null, state: 'modified' },
      { path: 'content/new name.md', from: 'content/old.md', state: 'renamed' },
      { path: 'content/c.md', from: null, state: 'conflicted' },
      { path: 'static/img one.png', from: null, state: 'new' },
    ]);
    const many = Array.from({ length: 10_000 }, (_, i) => `? content/posts/p${i}.md`).join('\0');
    expect(parseStatus(many, 5000)).toMatchObject({ truncated: true });
    expect(parseStatus(many).entries).toHaveLength(10_000);
  });

  it('says when the folder is no repository, and git init creates one with the generator ignore file', async () => {
    const copy = await copyFixtureSite('hugo-basic');
    box = await makeGitSandbox();
    box.enter();
    try {
      await library.handlers.openSite({ path: copy.site });
      const before = await library.handlers.gitStatus({});
      expect(before.availability).toBe('not-repo');
      expect(before.suggestedIgnore).toContain('public/');
      await library.handlers.gitInit({ ignore: true });
      expect(await readFile(path.join(copy.site, '.gitignore'), 'utf8')).toContain('resources/_gen/');
      const after = await library.handlers.gitStatus({});
      expect(after.availability).toBe('ready');
      expect(after.files.map((file) => file.path)).toContain(post);
    } finally {
      await copy.cleanup();
    }
  });

  it('says when git is not installed', async () => {
    await open();
    const saved = process.env.PATH;
    process.env.PATH = path.join(box.dir, 'no-such-bin');
    try {
      const status = await library.handlers.gitStatus({});
      expect(status.availability).toBe('no-git');
      expect(status.message).toContain('Git is not installed');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('notes submodules (a theme) and never lists their inner changes', async () => {
    await open();
    const theme = path.join(box.dir, 'theme');
    await mkdir(theme);
    box.git(theme, 'init', '--quiet');
    await writeFile(path.join(theme, 'theme.toml'), 'name = "t"\n');
    box.git(theme, 'add', '--all');
    box.git(
      theme,
      '-c',
      'user.name=T',
      '-c',
      'user.email=t@example.test',
      'commit',
      '--quiet',
      '-m',
      'Theme',
    );
    box.git(box.site, '-c', 'protocol.file.allow=always', 'submodule', 'add', '--quiet', theme, 'themes/t');
    box.git(box.site, 'commit', '--quiet', '-m', 'Add the theme');
    await writeFile(path.join(box.site, 'themes/t/theme.toml'), 'name = "changed"\n');
    const status = await library.handlers.gitStatus({});
    expect(status.submodules).toBe(true);
    expect(status.files).toEqual([]);
  });

  it('says when HEAD is detached', async () => {
    await open();
    box.git(box.site, 'checkout', '--quiet', '--detach');
    const status = await library.handlers.gitStatus({});
    expect(status.detached).toBe(true);
    expect(status.message).toContain('detached');
    expect(await library.handlers.gitPush({})).toMatchObject({ outcome: 'failed' });
  });
});

describe('git commit', () => {
  it('commits exactly the ticked files, leaves the others changed, and pushes to the bare remote', async () => {
    await open();
    await append(post, 'One more line.\n');
    await writeFile(path.join(box.site, 'content/posts/brand-new.md'), '---\ntitle: New\n---\nHi\n');
    await writeFile(path.join(box.site, 'hugo.toml'), 'title = "changed"\n');
    const result = await library.handlers.gitCommit({
      paths: [post, 'content/posts/brand-new.md'],
      message: 'Update First Post',
    });
    expect(result.summary).toBe('Update First Post');
    expect(box.git(box.site, 'show', '--name-only', '--format=%an <%ae>', 'HEAD').trim().split('\n')).toEqual(
      ['Test Writer <writer@example.test>', '', 'content/posts/brand-new.md', post],
    );
    const status = await library.handlers.gitStatus({});
    expect(status.files.map((file) => file.path)).toEqual(['hugo.toml']);
    expect(status.ahead).toBe(1);

    const pushed = await library.handlers.gitPush({});
    expect(pushed.outcome).toBe('done');
    expect(box.git(box.bare, 'log', '-1', '--format=%s', 'main').trim()).toBe('Update First Post');
    expect(box.git(box.bare, 'diff', 'main~1', 'main', '--', post)).toContain('+One more line.');
    expect((await library.handlers.gitStatus({})).ahead).toBe(0);
  });

  it('commits a deleted post, and a symbolic link is shown as its target, never followed', async () => {
    await open();
    await import('node:fs/promises').then(async (fs) => {
      await fs.rm(path.join(box.site, 'content/posts/third-post.md'));
      await fs.symlink('/etc/hostname', path.join(box.site, 'content/posts/link.md'));
    });
    const diff = await library.handlers.gitDiff({ path: 'content/posts/link.md' });
    expect(diff.work).toBe('/etc/hostname');
    await library.handlers.gitCommit({
      paths: ['content/posts/third-post.md'],
      message: 'Remove the third post',
    });
    expect(box.git(box.site, 'show', '--name-status', '--format=', 'HEAD').trim()).toBe(
      'D\tcontent/posts/third-post.md',
    );
    expect((await library.handlers.gitStatus({})).files.map((file) => file.path)).toEqual([
      'content/posts/link.md',
    ]);
  });

  it('leaves out files the writer staged elsewhere: the commit holds only the ticked ones', async () => {
    await open();
    await append(post, 'Ticked.\n');
    await append('content/posts/second-post.md', 'Staged in a terminal.\n');
    box.git(box.site, 'add', 'content/posts/second-post.md');
    await library.handlers.gitCommit({ paths: [post], message: 'Only the ticked file' });
    expect(box.git(box.site, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(post);
    expect(box.git(box.site, 'status', '--porcelain').trim()).toBe('M  content/posts/second-post.md');
  });

  it('refuses paths git does not report as changed', async () => {
    await open();
    await expect(
      library.handlers.gitCommit({ paths: ['content/posts/second-post.md'], message: 'x' }),
    ).rejects.toMatchObject({
      code: 'path-refused',
    });
    await expect(library.handlers.gitDiscard({ path: '../outside.md' })).rejects.toMatchObject({
      code: 'path-refused',
    });
  });

  it('asks for an identity when git config has none, and writes it in the repository only', async () => {
    await open(false);
    await append(post, 'x\n');
    expect((await library.handlers.gitStatus({})).identity).toBeNull();
    await expect(library.handlers.gitCommit({ paths: [post], message: 'x' })).rejects.toThrow(/who you are/);
    await library.handlers.gitSetIdentity({ name: 'New Writer', email: 'new@example.test' });
    expect(await readFile(path.join(box.site, '.git', 'config'), 'utf8')).toContain('New Writer');
    expect(await readFile(process.env.GIT_CONFIG_GLOBAL!, 'utf8')).not.toContain('New Writer');
    await library.handlers.gitCommit({ paths: [post], message: 'x' });
    expect(box.git(box.site, 'log', '-1', '--format=%an').trim()).toBe('New Writer');
  });

  it('shows the output of a failing hook, and explains a locked index', async () => {
    await open();
    await append(post, 'x\n');
    const hook = path.join(box.site, '.git', 'hooks', 'pre-commit');
    await writeFile(hook, '#!/bin/sh\necho "spell check failed: teh" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    await expect(library.handlers.gitCommit({ paths: [post], message: 'x' })).rejects.toThrow(
      /spell check failed: teh/,
    );
    await writeFile(hook, '#!/bin/sh\nexit 0\n');
    await writeFile(path.join(box.site, '.git', 'index.lock'), '');
    await expect(library.handlers.gitCommit({ paths: [post], message: 'x' })).rejects.toThrow(
      /delete the file \.git\/index\.lock/,
    );
  });

  it('discards a change to the trash (restorable) and brings back the committed text', async () => {
    await open();
    const committed = await readFile(path.join(box.site, post), 'utf8');
    await append(post, 'Mistake.\n');
    const { trashId } = await library.handlers.gitDiscard({ path: post });
    expect(trashId).not.toBeNull();
    expect(await readFile(path.join(box.site, post), 'utf8')).toBe(committed);
    const trash = await library.handlers.listTrash({});
    expect(trash.map((entry) => entry.originalId)).toEqual([post]);
    expect((await library.handlers.gitStatus({})).files).toEqual([]);
    await mkdir(path.join(box.site, 'static', 'new'), { recursive: true });
    await writeFile(path.join(box.site, 'static/new/a.txt'), 'a');
    await library.handlers.gitDiscard({ path: 'static/new/a.txt' });
    expect(existsSync(path.join(box.site, 'static/new/a.txt'))).toBe(false);
  });
});

describe('git pull and push', () => {
  it('a rejected push offers pull; the conflict shows both versions and is resolved, finished and pushed', async () => {
    await open();
    const other = box.clone('other');
    await writeFile(
      path.join(other, post),
      (await readFile(path.join(other, post), 'utf8')).replace('title:', 'title: Theirs'),
    );
    box.git(other, 'commit', '--quiet', '-am', 'Their title');
    box.git(other, 'push', '--quiet');

    await writeFile(
      path.join(box.site, post),
      (await readFile(path.join(box.site, post), 'utf8')).replace('title:', 'title: Mine'),
    );
    await library.handlers.gitCommit({ paths: [post], message: 'My title' });
    const rejected = await library.handlers.gitPush({});
    expect(rejected.outcome).toBe('rejected');
    expect(rejected.message).toContain('Pull first');

    const pulled = await library.handlers.gitPull({});
    expect(pulled).toMatchObject({ outcome: 'conflicts', conflicts: [post] });
    const status = await library.handlers.gitStatus({});
    expect(status.operation).toBe('merge');
    expect(status.message).toContain('merge is in progress');
    const conflict = await library.handlers.gitConflict({ path: post });
    expect(conflict.mine).toContain('title: Mine');
    expect(conflict.theirs).toContain('title: Theirs');
    expect(conflict.merged).toContain('<<<<<<<');
    await expect(library.handlers.gitFinish({ action: 'continue' })).rejects.toThrow(/still in conflict/);

    await library.handlers.gitResolve({ path: post, text: conflict.mine! });
    await library.handlers.gitFinish({ action: 'continue' });
    expect((await library.handlers.gitStatus({})).operation).toBeNull();
    expect((await library.handlers.gitPush({})).outcome).toBe('done');
    expect(box.git(box.bare, 'show', `main:${post}`)).toContain('title: Mine');
  });

  it('aborting a conflicted pull goes back to the writer’s commit', async () => {
    await open();
    const other = box.clone('other');
    await writeFile(path.join(other, post), 'theirs\n');
    box.git(other, 'commit', '--quiet', '-am', 'Theirs');
    box.git(other, 'push', '--quiet');
    await writeFile(path.join(box.site, post), 'mine\n');
    await library.handlers.gitCommit({ paths: [post], message: 'Mine' });
    expect((await library.handlers.gitPull({})).outcome).toBe('conflicts');
    await library.handlers.gitFinish({ action: 'abort' });
    expect(await readFile(path.join(box.site, post), 'utf8')).toBe('mine\n');
    expect((await library.handlers.gitStatus({})).operation).toBeNull();
  });

  it('with pull.rebase set, a conflict is a rebase: "mine" is still the writer’s text, and continue finishes it', async () => {
    await open();
    box.git(box.site, 'config', 'pull.rebase', 'true');
    const other = box.clone('other');
    await writeFile(path.join(other, post), 'theirs\n');
    box.git(other, 'commit', '--quiet', '-am', 'Theirs');
    box.git(other, 'push', '--quiet');
    await writeFile(path.join(box.site, post), 'mine\n');
    await library.handlers.gitCommit({ paths: [post], message: 'Mine' });
    expect((await library.handlers.gitPull({})).outcome).toBe('conflicts');
    const status = await library.handlers.gitStatus({});
    expect(status.operation).toBe('rebase');
    expect(status.message).toContain('Continue rebase');
    const conflict = await library.handlers.gitConflict({ path: post });
    expect(conflict).toMatchObject({ mine: 'mine\n', theirs: 'theirs\n' });
    await library.handlers.gitResolve({ path: post, text: 'mine and theirs\n' });
    await library.handlers.gitFinish({ action: 'continue' });
    expect((await library.handlers.gitStatus({})).operation).toBeNull();
    expect(box.git(box.site, 'log', '--format=%s', '-2').trim().split('\n')).toEqual(['Mine', 'Theirs']);
    expect(await readFile(path.join(box.site, post), 'utf8')).toBe('mine and theirs\n');
  });

  it('a pull that would overwrite uncommitted changes says to commit or discard them first', async () => {
    await open();
    const other = box.clone('other');
    await writeFile(path.join(other, post), 'theirs\n');
    box.git(other, 'commit', '--quiet', '-am', 'Theirs');
    box.git(other, 'push', '--quiet');
    await writeFile(path.join(box.site, post), 'my uncommitted text\n');
    const result = await library.handlers.gitPull({});
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain('commit or discard those changes first');
    expect(await readFile(path.join(box.site, post), 'utf8')).toBe('my uncommitted text\n');
  });

  it('a first push asks before setting the upstream', async () => {
    await open();
    box.git(box.site, 'checkout', '--quiet', '-b', 'drafts');
    await append(post, 'x\n');
    await library.handlers.gitCommit({ paths: [post], message: 'Draft' });
    const asked = await library.handlers.gitPush({});
    expect(asked).toMatchObject({ outcome: 'needs-upstream', remote: 'origin', branch: 'drafts' });
    expect((await library.handlers.gitPush({ setUpstream: 'origin' })).outcome).toBe('done');
    expect(box.git(box.bare, 'log', '-1', '--format=%s', 'drafts').trim()).toBe('Draft');
    expect((await library.handlers.gitStatus({})).upstream).toBe('origin/drafts');
  });

  it('lists a post’s history and shows an older version', async () => {
    await open();
    const first = await readFile(path.join(box.site, post), 'utf8');
    await append(post, 'Second version.\n');
    await library.handlers.gitCommit({ paths: [post], message: 'Second version' });
    const history = await library.handlers.gitHistory({ id: post });
    expect(history.map((entry) => entry.subject)).toEqual(['Second version', 'Initial site']);
    const old = await library.handlers.gitShowVersion({ id: post, hash: history[1]!.hash });
    expect(old.text).toBe(first);
  });
});
