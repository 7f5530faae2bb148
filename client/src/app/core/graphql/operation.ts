import { type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, Kind, visit } from 'graphql';
// graphql-js's parser by its CommonJS file, not through the 'graphql' entry: esbuild puts every
// module that the first page's imports reach (Apollo imports the 'graphql' entry, which reaches the
// parser's ES module) in a chunk of the first load as soon as any code uses it, even if only lazy
// pages do. This file is reached by the lazy pages only, so the parser travels with them.
import { parse } from 'graphql/language/parser.js';
import type { graphql as generatedGraphql } from './generated';

/** Every fragment met so far, by name: operations written after them can spread them. */
const fragments = new Map<string, FragmentDefinitionNode>();

function spreadNames(definitions: readonly DefinitionNode[]): Set<string> {
  const names = new Set<string>();
  for (const definition of definitions) {
    visit(definition, {
      FragmentSpread(node) {
        names.add(node.name.value);
      },
    });
  }
  return names;
}

/**
 * The operation or fragment written in `source`, parsed here, with the fragments it spreads (and
 * theirs) appended, as the code generator's own documents are. Typed by the generated overloads,
 * so every operation keeps its result and variable types; only the parsing moved. The generator's
 * runtime map held every operation of the app as a JSON syntax tree in the first bundle; parsed
 * here, each operation's text travels with the page that uses it (docs/performance.md).
 */
function parseOperation(source: string): DocumentNode {
  const own = parse(source, { noLocation: true });
  for (const definition of own.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const ownNames = new Set(own.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  const appended: FragmentDefinitionNode[] = [];
  const pending = [...spreadNames(own.definitions)].filter((name) => !ownNames.has(name));
  const seen = new Set(ownNames);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const fragment = fragments.get(name);
    // Fragments are module constants imported by the operations that spread them: defined first.
    if (!fragment) throw new Error(`GraphQL fragment ${name} is used before it is defined`);
    appended.push(fragment);
    pending.push(...spreadNames([fragment]));
  }
  return { ...own, definitions: [...own.definitions, ...appended] };
}

export const graphql = parseOperation as unknown as typeof generatedGraphql;
