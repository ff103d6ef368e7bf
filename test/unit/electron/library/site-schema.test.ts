import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSiteSchema } from '../../../../electron/library/site-schema';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'postdesk-schema-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readSiteSchema', () => {
  it('answers an empty schema for a site without settings', async () => {
    expect(await readSiteSchema(root)).toEqual({
      fields: [],
      autoUpdateField: null,
      sources: [],
      problems: [],
    });
  });

  it("reads Front Matter CMS's default content type, then lets postdesk.config.json refine it", async () => {
    await writeFile(
      path.join(root, 'frontmatter.json'),
      JSON.stringify({
        'frontMatter.taxonomy.contentTypes': [
          { name: 'other', fields: [{ name: 'ignored', type: 'string' }] },
          {
            name: 'default',
            fields: [
              { title: 'Title', name: 'title', type: 'string', required: true },
              { title: 'Kind', name: 'kind', type: 'choice', choices: ['a', { id: 'b', title: 'B' }] },
              { title: 'Modified', name: 'modified', type: 'datetime', isModifiedDate: true },
            ],
          },
        ],
        'frontMatter.content.autoUpdateDate': true,
      }),
    );
    expect(await readSiteSchema(root)).toMatchObject({
      fields: [
        { name: 'title', type: 'string', label: 'Title', required: true, hidden: false },
        { name: 'kind', type: 'choice', choices: ['a', 'b'] },
        { name: 'modified', type: 'datetime' },
      ],
      autoUpdateField: 'modified',
      sources: ['frontmatter.json'],
    });
    await writeFile(
      path.join(root, 'postdesk.config.json'),
      JSON.stringify({
        frontMatter: {
          fields: [{ name: 'title', type: 'string', label: 'Headline', default: 'Untitled' }],
          autoUpdateField: 'lastmod',
        },
      }),
    );
    const schema = await readSiteSchema(root);
    expect(schema.fields[0]).toEqual({
      name: 'title',
      type: 'string',
      label: 'Headline',
      required: false,
      default: 'Untitled',
      choices: [],
      hidden: false,
    });
    expect(schema.autoUpdateField).toBe('lastmod');
    expect(schema.sources).toEqual(['frontmatter.json', 'postdesk.config.json']);
  });

  it('reports a broken settings file as a problem instead of failing', async () => {
    await writeFile(path.join(root, 'frontmatter.json'), '{ not json');
    await writeFile(
      path.join(root, 'postdesk.config.json'),
      JSON.stringify({ frontMatter: { fields: [{ type: 'x' }] } }),
    );
    const schema = await readSiteSchema(root);
    expect(schema.fields).toEqual([]);
    expect(schema.problems).toHaveLength(2);
    expect(schema.problems[0]).toMatch(/^frontmatter\.json: /);
    expect(schema.problems[1]).toMatch(/^postdesk\.config\.json: frontMatter\.fields\.0\.name /);
  });
});
