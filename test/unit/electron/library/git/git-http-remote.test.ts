import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { startGitHttpServer, type GitHttpServer } from '../../../../support/git-http-server';
import { makeGitSandbox, type GitSandbox } from '../../../../support/git-sandbox';

let box: GitSandbox;
let server: GitHttpServer;
let library: Library;

const post = 'content/posts/first-post.md';

async function setup(credentials: string): Promise<void> {
  box = await makeGitSandbox();
  box.enter();
  box.git(box.bare, 'config', 'http.receivepack', 'true');
  server = await startGitHttpServer(box.dir, 'writer', 'secret', box.env);
  box.git(
    box.site,
    'remote',
    'set-url',
    'origin',
    `${server.url.replace('//', `//${credentials}`)}/remote.git`,
  );
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: box.site });
  await writeFile(
    path.join(box.site, post),
    `${await readFile(path.join(box.site, post), 'utf8')}Over HTTP.\n`,
  );
  await library.handlers.gitCommit({ paths: [post], message: 'Over HTTP' });
}

afterEach(async () => {
  await library?.close();
  await server?.close();
  await box?.cleanup();
});

describe('an authenticated smart-HTTP remote on 127.0.0.1', () => {
  it('pushes with the right password', async () => {
    await setup('writer:secret@');
    const result = await library.handlers.gitPush({});
    expect(result.outcome).toBe('done');
    expect(box.git(box.bare, 'log', '-1', '--format=%s', 'main').trim()).toBe('Over HTTP');
  });

  it('says the credentials were refused and names the credential helper, never prompting', async () => {
    await setup('writer:wrong@');
    const helperFile = path.join(box.dir, 'credentials');
    box.git(box.site, 'config', 'credential.helper', `store --file=${helperFile}`);
    const result = await library.handlers.gitPush({});
    expect(result.outcome).toBe('auth');
    expect(result.message).toContain('authentication failed');
    expect(result.credentialHelper).toBe(`store --file=${helperFile}`);
    expect(result.message).toContain(`"store --file=${helperFile}"`);
    expect(server.refused()).toBeGreaterThan(0);
    expect(box.git(box.bare, 'log', '-1', '--format=%s', 'main').trim()).toBe('Initial site');

    // No credentials at all: git would ask on a terminal; here it fails at once.
    box.git(box.site, 'config', '--unset', 'credential.helper');
    box.git(box.site, 'remote', 'set-url', 'origin', `${server.url}/remote.git`);
    const anonymous = await library.handlers.gitPush({});
    expect(anonymous.outcome).toBe('auth');
    expect(anonymous.credentialHelper).toBeNull();
    expect(anonymous.message).toContain('No credential helper is configured');
  });

  it('a rejected push says to pull first', async () => {
    await setup('writer:secret@');
    const other = box.clone('other');
    await writeFile(path.join(other, 'content/posts/second-post.md'), 'theirs\n');
    box.git(other, 'commit', '--quiet', '-am', 'Theirs');
    box.git(other, 'push', '--quiet');
    const result = await library.handlers.gitPush({});
    expect(result.outcome).toBe('rejected');
    expect(result.output).toMatch(/rejected/);
    expect((await library.handlers.gitPull({})).outcome).toBe('done');
    expect((await library.handlers.gitPush({})).outcome).toBe('done');
    expect(box.git(box.bare, 'log', '--format=%s', 'main')).toContain('Over HTTP');
  });
});
