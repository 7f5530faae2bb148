import { DocumentNode, GraphQLError, GraphQLSchema, Kind, TypeInfo, valueFromASTUntyped, visit, visitWithTypeInfo } from 'graphql';
import { AppError } from '../errors/app-error';
import { MessageKey, translate } from '../errors/messages';

/** The largest page a token may ask for; the console's pages are clamped by the services instead. */
export const TOKEN_MAX_PAGE = 100;

function refusal(key: MessageKey, params: Record<string, string | number>): GraphQLError {
  const appError = new AppError('BAD_USER_INPUT', { fr: translate(key, 'fr', params), en: translate(key, 'en', params) });
  return new GraphQLError(appError.message, { originalError: appError, extensions: { code: appError.code, http: { status: 400 } } });
}

/**
 * A token says how many items it wants on every paged list: `first`, from 1 to 100, written in the
 * document or given as a variable (issue 20, item 3). The console may rely on each list's default
 * and its clamping; software may not, since a default it never asked for, or a larger page silently
 * cut to 100, would be taken for the end of the list. A missing `first` names the field. Root
 * fields the token may not call are skipped: their refusal (FORBIDDEN, naming the scope) says more.
 */
export function tokenPageSizeError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  /** Whether the token may call this root field (`Query.users`): the others answer FORBIDDEN, naming the scope, instead. */
  mayCall: (rootField: string) => boolean,
): GraphQLError | undefined {
  const defaults = new Map<string, unknown>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, valueFromASTUntyped(variable.defaultValue));
    }
  }
  const typeInfo = new TypeInfo(schema);
  let missing: string | undefined;
  let largest = 0;
  let smallest = Infinity;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const root = parent && [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(parent as never);
        // Not the token's to call: left whole to the permission check, which says why.
        if (root && !mayCall(`${parent.name}.${node.name.value}`)) return false;
        const field = typeInfo.getFieldDef();
        if (!field?.args.some((arg) => arg.name === 'first')) return;
        const argument = node.arguments?.find((candidate) => candidate.name.value === 'first');
        const value = !argument
          ? undefined
          : argument.value.kind === Kind.VARIABLE
            ? (variables?.[argument.value.name.value] ?? defaults.get(argument.value.name.value))
            : valueFromASTUntyped(argument.value);
        if (typeof value !== 'number') {
          missing ??= `${parent?.name ?? ''}.${field.name}`;
          return;
        }
        largest = Math.max(largest, value);
        smallest = Math.min(smallest, value);
      },
    }),
  );
  if (missing) return refusal('PAGE_SIZE_REQUIRED', { max: TOKEN_MAX_PAGE, field: missing });
  if (largest > TOKEN_MAX_PAGE || smallest < 1) return refusal('PAGE_TOO_LARGE', { max: TOKEN_MAX_PAGE, first: largest > TOKEN_MAX_PAGE ? largest : smallest });
  return undefined;
}
