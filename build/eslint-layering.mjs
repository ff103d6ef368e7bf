// ESLint rule `postdesk/layers`: every import of a file (static, `export ... from`, dynamic
// `import()`, `require()` and `import x = require()`) must be an edge the layer table of
// build/layers.mjs allows; a computed dynamic import or require is refused outright.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { refusal } from './layers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function relative(file) {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The layering rule, as an ESLint plugin with one rule. */
export const layeringPlugin = {
  rules: {
    layers: {
      meta: {
        type: 'problem',
        docs: { description: 'Imports follow the allow-list of layers in ARCHITECTURE.md.' },
        schema: [],
      },
      create(context) {
        const file = context.physicalFilename ?? context.filename;
        const from = relative(file);
        const check = (node, source, typeOnly) => {
          if (!source || source.type !== 'Literal' || typeof source.value !== 'string') {
            context.report({
              node,
              message: 'A computed import or require hides an edge from the layering check: name the module.',
            });
            return;
          }
          const specifier = source.value;
          const target =
            specifier.startsWith('.') || specifier.startsWith('/')
              ? { file: relative(path.resolve(path.dirname(file), specifier)) }
              : { specifier };
          const why = refusal(from, target, typeOnly);
          if (why) context.report({ node, message: `${why} See ARCHITECTURE.md, "Layers".` });
        };
        return {
          ImportDeclaration(node) {
            const typeOnly =
              node.importKind === 'type' ||
              (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
            check(node, node.source, typeOnly);
          },
          ExportNamedDeclaration(node) {
            if (node.source) check(node, node.source, node.exportKind === 'type');
          },
          ExportAllDeclaration(node) {
            check(node, node.source, node.exportKind === 'type');
          },
          ImportExpression(node) {
            check(node, node.source, false);
          },
          TSImportEqualsDeclaration(node) {
            if (node.moduleReference.type === 'TSExternalModuleReference') {
              check(node, node.moduleReference.expression, node.importKind === 'type');
            }
          },
          CallExpression(node) {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
              check(node, node.arguments[0], false);
            }
          },
        };
      },
    },
  },
};
