/** The operations of an OpenAPI 3.1 document, in the shape the fuzzer needs. */
export interface Operation {
  method: string;
  /** The path template, e.g. `/api/v1/sessions/{id}/chats/{chat}`. */
  path: string;
  /** Callable without a key (`security: []`). */
  isPublic: boolean;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  /** A valid JSON body (the schema's example), when the operation takes JSON. */
  jsonBody: { schema: Schema; example: unknown } | null;
  /** Takes `multipart/form-data` uploads too. */
  multipart: boolean;
}

export type Schema = Record<string, unknown>;

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OperationObject {
  security?: unknown[];
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

/** `$ref`s to components replaced by the component (one level at a time, as the fuzzer walks). */
export function resolver(document: OpenApiDocument): (schema: Schema | undefined) => Schema {
  return (schema) => {
    let current = schema ?? {};
    for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops += 1) {
      const name = current.$ref.split('/').pop() ?? '';
      current = document.components?.schemas?.[name] ?? {};
    }
    return current;
  };
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = resolver(document);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content['application/json'];
      const schema = json ? resolve(json.schema) : null;
      operations.push({
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
        queryParams: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({ name: parameter.name, schema: resolve(parameter.schema) })),
        jsonBody: schema ? { schema, example: schema.example ?? {} } : null,
        multipart: Boolean(operation.requestBody?.content['multipart/form-data']),
      });
    }
  }
  return operations;
}
