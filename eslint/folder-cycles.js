// @ts-check
/**
 * ESLint rule: the folders of one root (a subgraph's modules/, the kit's src/) never import each
 * other in a circle, even when no single file does (import-x/no-cycle sees files only). Written here
 * because no maintained rule checks cycles between folders: each import of another folder is refused
 * when that folder reaches back to the importing one, and the message names the way back.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SPECIFIER = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** @type {Map<string, Map<string, Set<string>>>} folder graph per root, built once per lint run */
const graphs = new Map();

/** The node a path belongs to under root: its first folder, or the file itself at the top. */
function nodeOf(root, file) {
  const [first] = relative(root, file).split(sep);
  return first?.replace(/\.[jt]s$/, '') ?? '';
}

function tsFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The file an import names (`./x.js` is `./x.ts` on disk). */
function targetOf(file, specifier) {
  const path = resolve(dirname(file), specifier);
  const ts = path.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : path;
}

function graphOf(root) {
  let graph = graphs.get(root);
  if (graph) return graph;
  graph = new Map();
  for (const file of tsFiles(root)) {
    const from = nodeOf(root, file);
    const edges = graph.get(from) ?? new Set();
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = targetOf(file, specifier);
      if (!target.startsWith(root + sep)) continue;
      const to = nodeOf(root, target);
      if (to !== from) edges.add(to);
    }
    graph.set(from, edges);
  }
  graphs.set(root, graph);
  return graph;
}

/** A shortest way from `start` to `goal` through the graph, or null. */
function wayBack(graph, start, goal) {
  const previous = new Map([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = /** @type {string} */ (queue.shift());
    if (node === goal) {
      const way = [goal];
      while (way[0] !== start) way.unshift(/** @type {string} */ (previous.get(way[0])));
      return way;
    }
    for (const next of graph.get(node) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noFolderCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Folders of one root never import each other in a circle.' },
    schema: [{ type: 'object', properties: { roots: { type: 'array', items: { type: 'string' } } } }],
    messages: {
      cycle: '{{from}} imports {{to}}, and {{to}} reaches back: {{way}}. Move what both need into one they depend on.',
    },
  },
  create(context) {
    const roots = (context.options[0]?.roots ?? []).map((pattern) => new RegExp(pattern));
    const file = context.filename;
    const match = roots.map((pattern) => pattern.exec(file)).find(Boolean);
    if (!match) return {};
    const root = match[0].replace(/\/$/, '');
    const graph = graphOf(root);
    const from = nodeOf(root, file);
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = targetOf(file, specifier);
      if (!target.startsWith(root + sep)) return;
      const to = nodeOf(root, target);
      if (to === from) return;
      const way = wayBack(graph, to, from);
      if (way) context.report({ node, messageId: 'cycle', data: { from, to, way: [from, ...way].join(' → ') } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const folderCyclesPlugin = { rules: { 'no-folder-cycle': noFolderCycle } };
