import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  parse,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { MAX_QUERY_COST, queryCost } from '@civitas/api/core';

const ROOT = join(__dirname, '../../..');
const schema = buildSchema(readFileSync(join(ROOT, 'apps/api/schema.graphql'), 'utf8'));

/** The largest page each page-size variable of an operation may ask for ("At most N."). */
function pageLimits(operation: OperationDefinitionNode): Map<string, number> {
  const limits = new Map<string, number>();
  const info = new TypeInfo(schema);
  visit(
    operation,
    visitWithTypeInfo(info, {
      Argument(node) {
        if (node.name.value !== 'first' || node.value.kind !== Kind.VARIABLE) return;
        const most = /At most (\d+)/.exec(info.getArgument()?.description ?? '');
        limits.set(node.value.name.value, most ? Number(most[1]) : 100);
      },
    }),
  );
  return limits;
}

/** A value the variable's type accepts; page sizes at the largest the API allows. */
function sample(type: GraphQLInputType, name: string, pageLimit?: number): unknown {
  if (pageLimit !== undefined) return pageLimit;
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type, f.name)]),
    );
  }
  const scalar = getNamedType(type).name;
  if (scalar === 'Int') return 1;
  if (scalar === 'Boolean') return false;
  if (scalar === 'DateTime') return new Date().toISOString();
  return 'x';
}

describe('query cost', () => {
  const files = readdirSync(join(ROOT, 'libs/web'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => join('libs/web', f));
  const document = parse(files.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n'));
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );

  it('prices every operation of the web, at the largest page it may ask for, under the limit', () => {
    expect(operations.length).toBeGreaterThan(20);
    const over = operations
      .map((op) => {
        const limits = pageLimits(op);
        const variables = Object.fromEntries(
          (op.variableDefinitions ?? []).map((v) => [
            v.variable.name.value,
            sample(
              typeFromAST(schema, v.type as never) as GraphQLInputType,
              v.variable.name.value,
              limits.get(v.variable.name.value),
            ),
          ]),
        );
        return {
          name: op.name?.value,
          cost: queryCost(schema, document, variables, op.name?.value),
        };
      })
      .filter((o) => o.cost > MAX_QUERY_COST);
    expect(over).toEqual([]);
  });

  it('counts a page size given as a variable the same as one written in the query', () => {
    const literal = parse(`{ groups(first: 100) { edges { node { id name } } } }`);
    const variable = parse(`query($n: Int!) { groups(first: $n) { edges { node { id name } } } }`);
    expect(queryCost(schema, variable, { n: 100 })).toBe(queryCost(schema, literal));
    expect(queryCost(schema, variable, { n: 100 })).toBeGreaterThan(
      10 * queryCost(schema, variable, { n: 5 }),
    );
  });
});
