import { DocumentNode, FieldNode, getOperationAST, Kind, OperationDefinitionNode } from 'graphql';

const RATE_LIMIT_FIELD = 'rateLimit';

function isDryRunField(selection: OperationDefinitionNode['selectionSet']['selections'][number], variables: Record<string, unknown>): selection is FieldNode {
  if (selection.kind !== Kind.FIELD || selection.name.value !== RATE_LIMIT_FIELD) return false;
  const arg = selection.arguments?.find((argument) => argument.name.value === 'dryRun');
  if (!arg) return false;
  if (arg.value.kind === Kind.BOOLEAN) return arg.value.value;
  return arg.value.kind === Kind.VARIABLE && variables[arg.value.name.value] === true;
}

/**
 * For a query asking `rateLimit(dryRun: true)` at its root: the same document cut down to its
 * `rateLimit` fields, which is all that runs (the rest is priced, neither spent nor executed, like
 * GitHub's dry run). Undefined for any other operation. A dry run could otherwise be a way to run
 * anything without paying for it.
 */
export function dryRunDocument(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): DocumentNode | undefined {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation || operation.operation !== 'query') return undefined;
  const selections = operation.selectionSet.selections;
  if (!selections.some((selection) => isDryRunField(selection, variables ?? {}))) return undefined;
  const kept = selections.filter((selection) => selection.kind === Kind.FIELD && selection.name.value === RATE_LIMIT_FIELD);
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return { ...document, definitions: [{ ...operation, selectionSet: { ...operation.selectionSet, selections: kept } }, ...fragments] };
}
