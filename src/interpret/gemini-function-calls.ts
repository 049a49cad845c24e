// Gemini function calls, whole or streamed. With `toolConfig.functionCallingConfig.
// streamFunctionCallArguments` (Vertex AI, Gemini 3) one call arrives over several parts: the first
// has the `name` and `willContinue: true`, the next ones only `partialArgs` — `{jsonPath, stringValue
// | numberValue | boolValue | nullValue, willContinue?}`, where a string whose arg says `willContinue`
// goes on in the next arg of the same path — and the call ends at a part without `willContinue`
// (often an empty `functionCall: {}`). SDK chat histories re-send those parts as they came, one model
// content per chunk, so the request reads them through the same assembler.

import { asArray, asNumber, asString, isObject, type JsonObject } from './json-access.ts';
import type { ContentPart } from './types.ts';

export type ToolCallPart = Extract<ContentPart, { type: 'tool-call' }>;

/** `$.a.b[0]['c d']` → ['a', 'b', 0, 'c d']; undefined when it is not such a path (RFC 9535 normalized paths and dot names). */
export function parseJsonPath(path: string): (string | number)[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: (string | number)[] = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(path);
    if (!match || match.index !== at) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push((match[3] ?? match[4]!).replace(/\\(.)/g, '$1'));
  }
  return segments;
}

/** A field by its camelCase name or its proto (snake_case) name, which the REST API also takes. */
function field(object: JsonObject, camel: string): unknown {
  return object[camel] ?? object[camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

function partialValue(arg: JsonObject): { value: unknown } | undefined {
  const text = field(arg, 'stringValue');
  if (asString(text) !== undefined) return { value: text };
  const number = field(arg, 'numberValue');
  if (asNumber(number) !== undefined) return { value: number };
  const bool = field(arg, 'boolValue');
  if (typeof bool === 'boolean') return { value: bool };
  if (field(arg, 'nullValue') !== undefined) return { value: null };
  return undefined;
}

type Container = Record<string, unknown> | unknown[];

/** Sets (or, for a continued string, appends to) the value at `segments` below `root`; an error message when the shapes clash. */
function setAt(root: Container, segments: (string | number)[], value: unknown, append: boolean): string | undefined {
  let node: Container = root;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const isIndex = typeof segment === 'number';
    if (isIndex !== Array.isArray(node)) return `${isIndex ? 'an index' : 'a name'} into ${Array.isArray(node) ? 'a list' : 'an object'}`;
    const holder = node as Record<string | number, unknown>;
    if (last) {
      const existing = holder[segment];
      holder[segment] = append && typeof existing === 'string' && typeof value === 'string' ? existing + value : value;
      return undefined;
    }
    const nextIsIndex = typeof segments[i + 1] === 'number';
    if (holder[segment] === undefined || holder[segment] === null) holder[segment] = nextIsIndex ? [] : {};
    const child = holder[segment];
    if (typeof child !== 'object' || child === null) return `a value where a container was expected`;
    node = child as Container;
  }
  return undefined;
}

export interface FunctionCallProblem {
  code: 'delta-before-start' | 'invalid-tool-arguments';
  message: string;
}

/** One conversation's (or one response's) function-call parts, in order. */
export class FunctionCallAssembler {
  private open: { part: ToolCallPart; continuing: Set<string> } | undefined;

  /**
   * A `functionCall` object: the call it starts (to be placed where it came), or undefined when it
   * continued (or ended) the call already open. Arguments keep growing on the returned part.
   */
  accept(call: JsonObject, problem: (p: FunctionCallProblem) => void = () => {}): ToolCallPart | undefined {
    const name = asString(call.name);
    const partials = asArray(field(call, 'partialArgs'));
    const continues = field(call, 'willContinue') === true;
    if (name) {
      const args = isObject(call.args) ? structuredClone(call.args) : (call.args ?? {});
      const part: ToolCallPart = { type: 'tool-call', id: asString(call.id) ?? null, name, arguments: args };
      this.open = { part, continuing: new Set() };
      this.applyPartials(partials, problem);
      if (!continues) this.open = undefined;
      return part;
    }
    if (!this.open) {
      if (partials.length || call.args !== undefined) {
        problem({ code: 'delta-before-start', message: 'function call arguments (partialArgs) without a call started by name' });
      }
      return undefined;
    }
    if (asString(call.id) && !this.open.part.id) this.open.part.id = asString(call.id)!;
    if (isObject(call.args) && isObject(this.open.part.arguments)) Object.assign(this.open.part.arguments, call.args);
    this.applyPartials(partials, problem);
    if (!continues) this.open = undefined;
    return undefined;
  }

  /** The call still waiting for its end (`willContinue` on its last part), if any. */
  get unfinished(): ToolCallPart | undefined {
    return this.open?.part;
  }

  private applyPartials(partials: unknown[], problem: (p: FunctionCallProblem) => void): void {
    const open = this.open!;
    for (const raw of partials) {
      if (!isObject(raw)) continue;
      const path = asString(field(raw, 'jsonPath')) ?? '';
      const segments = parseJsonPath(path);
      const value = partialValue(raw);
      const name = open.part.name;
      if (!segments) {
        problem({ code: 'invalid-tool-arguments', message: `function call ${name}: partialArgs jsonPath ${JSON.stringify(path)} is not a JSON path` });
        continue;
      }
      if (value) {
        if (segments.length === 0) {
          open.part.arguments = value.value;
        } else {
          if (!isObject(open.part.arguments) && !Array.isArray(open.part.arguments)) open.part.arguments = typeof segments[0] === 'number' ? [] : {};
          const clash = setAt(open.part.arguments as Container, segments, value.value, open.continuing.has(path));
          if (clash) problem({ code: 'invalid-tool-arguments', message: `function call ${name}: partialArgs at ${path} put ${clash}` });
        }
      }
      if (field(raw, 'willContinue') === true) open.continuing.add(path);
      else open.continuing.delete(path);
    }
  }
}
