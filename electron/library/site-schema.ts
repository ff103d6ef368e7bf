import { promises as fs } from 'node:fs';
import { z } from 'zod';
import type { SchemaField, SchemaFieldType, SiteSchema } from '../../shared/api';
import { isPostdeskError } from '../../shared/errors';
import { resolveExisting } from './site-paths';

const postdeskConfigFile = 'postdesk.config.json';
const frontMatterCmsFile = 'frontmatter.json';

const fieldTypes: Record<string, SchemaFieldType> = {
  string: 'string',
  text: 'text',
  textarea: 'text',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  draft: 'boolean',
  number: 'number',
  tags: 'tags',
  categories: 'tags',
  taxonomy: 'tags',
  choice: 'choice',
  select: 'choice',
  fields: 'fields',
  object: 'fields',
  block: 'list',
  list: 'list',
  json: 'json',
  image: 'string',
  file: 'string',
  slug: 'string',
};

const Choice = z.union([
  z.string(),
  z.number().transform(String),
  z.object({ id: z.union([z.string(), z.number()]).optional(), title: z.string().optional() }).passthrough(),
]);

const RawField = z
  .object({
    name: z.string().min(1),
    type: z.string().optional(),
    label: z.string().optional(),
    title: z.string().optional(),
    required: z.boolean().optional(),
    default: z.unknown().optional(),
    choices: z.array(Choice).optional(),
    hidden: z.boolean().optional(),
    isModifiedDate: z.boolean().optional(),
  })
  .passthrough();

const PostdeskConfig = z
  .object({
    frontMatter: z
      .object({
        fields: z.array(RawField).optional(),
        autoUpdateField: z.string().min(1).nullable().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

const FrontMatterCms = z
  .object({
    'frontMatter.taxonomy.contentTypes': z
      .array(z.object({ name: z.string().optional(), fields: z.array(RawField).optional() }).passthrough())
      .optional(),
    'frontMatter.content.autoUpdateDate': z.boolean().optional(),
  })
  .passthrough();

type RawFieldValue = z.infer<typeof RawField>;

function toField(raw: RawFieldValue): SchemaField {
  const field: SchemaField = {
    name: raw.name,
    type: raw.type ? (fieldTypes[raw.type] ?? null) : null,
    label: raw.label ?? raw.title ?? null,
    required: raw.required === true,
    choices: (raw.choices ?? []).map((choice) =>
      typeof choice === 'string' ? choice : String(choice.id ?? choice.title ?? ''),
    ),
    hidden: raw.hidden === true,
  };
  if (raw.default !== undefined) field.default = raw.default;
  return field;
}

async function readJson(root: string, name: string): Promise<unknown | undefined> {
  let file: string;
  try {
    file = await resolveExisting(root, name);
  } catch (error) {
    if (isPostdeskError(error, 'not-found')) return undefined;
    throw error;
  }
  return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
}

/**
 * Reads what the site at `root` says about its front matter: `frontMatter.fields` and
 * `frontMatter.autoUpdateField` of postdesk.config.json, then the default (or first) content type
 * of Front Matter CMS's frontmatter.json (fields with name, type, required, default, choices,
 * hidden; its modified-date field when `frontMatter.content.autoUpdateDate` is on). Postdesk's own
 * settings win over Front Matter CMS's for the same key. Never throws for a bad file: the problem
 * is answered for the user and the rest is still used.
 */
export async function readSiteSchema(root: string): Promise<SiteSchema> {
  const schema: SiteSchema = { fields: [], autoUpdateField: null, sources: [], problems: [] };
  const byName = new Map<string, SchemaField>();
  let autoUpdate: string | null | undefined;

  try {
    const json = await readJson(root, frontMatterCmsFile);
    if (json !== undefined) {
      const parsed = FrontMatterCms.parse(json);
      schema.sources.push(frontMatterCmsFile);
      const types = parsed['frontMatter.taxonomy.contentTypes'] ?? [];
      const chosen = types.find((type) => type.name === 'default') ?? types[0];
      for (const raw of chosen?.fields ?? []) {
        byName.set(raw.name, toField(raw));
        if (raw.isModifiedDate && parsed['frontMatter.content.autoUpdateDate']) autoUpdate = raw.name;
      }
    }
  } catch (error) {
    schema.problems.push(`${frontMatterCmsFile}: ${describe(error)}`);
  }

  try {
    const json = await readJson(root, postdeskConfigFile);
    if (json !== undefined) {
      const parsed = PostdeskConfig.parse(json);
      if (parsed.frontMatter) schema.sources.push(postdeskConfigFile);
      for (const raw of parsed.frontMatter?.fields ?? []) byName.set(raw.name, toField(raw));
      if (parsed.frontMatter?.autoUpdateField !== undefined) autoUpdate = parsed.frontMatter.autoUpdateField;
    }
  } catch (error) {
    schema.problems.push(`${postdeskConfigFile}: ${describe(error)}`);
  }

  schema.fields = [...byName.values()];
  schema.autoUpdateField = autoUpdate ?? null;
  return schema;
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return `${issue?.path.join('.')} ${issue?.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
