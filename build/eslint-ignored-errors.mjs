// ESLint rule `postdesk/ignored-errors`: an error dropped on purpose says why. A `catch` that does not
// bind the error, and a `.catch(() => ...)` or `.then(ok, () => ...)` whose handler takes no error,
// must either report the failure (a call to `report`, `record` or `reportDiagnostic`) or carry a
// comment (inside the handler, on its line, or on the line above its statement) giving the reason.

const reporters = new Set(['report', 'record', 'reportDiagnostic']);

/** True when `node` contains a call to one of the reporters (walks the subtree, skipping parents). */
function reports(node) {
  const stack = [node];
  let seen = 0;
  while (stack.length > 0 && seen < 10_000) {
    const current = stack.pop();
    seen++;
    if (!current || typeof current.type !== 'string') continue;
    if (current.type === 'CallExpression') {
      const callee = current.callee;
      const name =
        callee.type === 'Identifier'
          ? callee.name
          : callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
            ? callee.property.name
            : null;
      if (name !== null && reporters.has(name)) return true;
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) stack.push(...value);
      else if (value && typeof value === 'object' && typeof value.type === 'string') stack.push(value);
    }
  }
  return false;
}

/** The nearest enclosing statement (or the node itself when it is one). */
function statementOf(node) {
  let current = node;
  while (current.parent && !/Statement$|Declaration$/.test(current.type)) current = current.parent;
  return current;
}

/** The rule, as an ESLint plugin with one rule. */
export const ignoredErrorsPlugin = {
  rules: {
    'ignored-errors': {
      meta: {
        type: 'problem',
        docs: {
          description:
            'An error ignored on purpose is reported to the diagnostics log or says why in a comment.',
        },
        schema: [],
      },
      create(context) {
        const source = context.sourceCode ?? context.getSourceCode();
        const comments = source.getAllComments();
        const commentBetween = (fromLine, toLine) =>
          comments.some((comment) => comment.loc.end.line >= fromLine && comment.loc.start.line <= toLine);
        const check = (node, handler, what) => {
          if (reports(handler)) return;
          const statement = statementOf(node);
          const from = Math.min(statement.loc.start.line, handler.loc.start.line) - 1;
          if (commentBetween(from, handler.loc.end.line)) return;
          context.report({
            node: handler,
            message: `${what} drops an error: report it (diagnostics, with the post id and operation) or say in a comment why ignoring it is right.`,
          });
        };
        return {
          CatchClause(node) {
            if (node.param !== null) return;
            const from = node.loc.start.line - 1;
            if (reports(node.body) || commentBetween(from, node.loc.end.line)) return;
            context.report({
              node,
              message:
                'This catch drops an error: report it (diagnostics, with the post id and operation) or say in a comment why ignoring it is right.',
            });
          },
          CallExpression(node) {
            const callee = node.callee;
            if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
            const name = callee.property.name;
            const handler =
              name === 'catch' ? node.arguments[0] : name === 'then' ? node.arguments[1] : undefined;
            if (!handler) return;
            if (handler.type !== 'ArrowFunctionExpression' && handler.type !== 'FunctionExpression') return;
            if (handler.params.length > 0) return;
            check(node, handler, `.${name}(() => ...)`);
          },
        };
      },
    },
  },
};
