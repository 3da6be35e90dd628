// ESLint rule `topology/import-boundaries`: what each part of the project may import. Unlike
// no-restricted-imports it resolves relative specifiers against the importing file, so
// `../../server/src/core/lint` and `../lsp/diagnostics` are judged by the folder they reach.
// Options (one object): {
//   name:     the part of the project, for messages ("the pure core")
//   relative: repo-relative folders (ending in "/") or files that relative imports may reach
//   packages: { allow?: [...] } (only these) or { deny?: [...] } (all but these); "*" is a wildcard
//   builtins: false to refuse Node's built-in modules (fs, path, node:…)
// }
// Checked: import/export … from, import(), require(), and TypeScript `import('…')` types.
import { builtinModules } from 'node:module';
import * as path from 'node:path';

function globToRegExp(glob) {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps client/, server/, the core, shared/ and the webview script from importing across their boundaries.' },
    schema: [
      {
        type: 'object',
        properties: {
          name: { type: 'string' },
          relative: { type: 'array', items: { type: 'string' } },
          packages: {
            type: 'object',
            properties: { allow: { type: 'array', items: { type: 'string' } }, deny: { type: 'array', items: { type: 'string' } } },
            additionalProperties: false,
          },
          builtins: { type: 'boolean' },
        },
        required: ['name', 'relative'],
        additionalProperties: false,
      },
    ],
    messages: {
      relative: '{{name}} must not import "{{specifier}}" ({{target}}): it may reach only {{allowed}}.',
      package: '{{name}} must not import the package "{{specifier}}".',
      builtin: '{{name}} must not import Node\'s "{{specifier}}" (it runs outside Node too).',
    },
  },
  create(context) {
    const options = context.options[0];
    const root = context.cwd;
    const file = context.filename;
    const allowPackages = options.packages?.allow?.map(globToRegExp);
    const denyPackages = (options.packages?.deny ?? []).map(globToRegExp);

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      const data = { name: options.name, specifier };
      if (specifier.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
        const inside = options.relative.some((allowed) => (allowed.endsWith('/') ? `${target}/`.startsWith(allowed) : target === allowed || target.startsWith(`${allowed}.`)));
        if (!inside) context.report({ node, messageId: 'relative', data: { ...data, target, allowed: options.relative.join(', ') || 'nothing' } });
        return;
      }
      const name = packageName(specifier);
      if (specifier.startsWith('node:') || builtinModules.includes(name)) {
        if (options.builtins === false) context.report({ node, messageId: 'builtin', data });
        return;
      }
      const refused = allowPackages !== undefined ? !allowPackages.some((re) => re.test(name)) : denyPackages.some((re) => re.test(name) || re.test(specifier));
      if (refused) context.report({ node, messageId: 'package', data });
    }

    const fromSource = (node) => {
      if (node.source) check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node.source, node.source.type === 'Literal' ? node.source.value : undefined),
      TSImportType: (node) => {
        const argument = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        check(node, argument?.value);
      },
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') check(node, node.moduleReference.expression.value);
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value);
      },
    };
  },
};

export const importBoundariesPlugin = { meta: { name: 'topology' }, rules: { 'import-boundaries': importBoundaries } };
