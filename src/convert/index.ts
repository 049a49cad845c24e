// The one registry of `convert --to` targets. A new target is a module in this folder and a line here.

import type { ConvertTarget } from './types.ts';
import { goVcrV1, goVcrV2 } from './go-vcr.ts';
import { vcrpyJson, vcrpyYaml } from './vcrpy.ts';
import { rubyVcrYaml } from './ruby-vcr.ts';
import { har } from './har.ts';
import { polly } from './polly.ts';
import { withTrueContentLengths } from './content-length.ts';

/** Every target writes a re-serialized body (pydantic-ai's parsed_body) with a true Content-Length. */
const keepingLengthsTrue = (target: ConvertTarget): ConvertTarget => ({
  ...target,
  write: (analyzed, options) => target.write(withTrueContentLengths(analyzed), options),
});

export const TARGETS: readonly ConvertTarget[] = [goVcrV2, goVcrV1, vcrpyYaml, vcrpyJson, rubyVcrYaml, har, polly].map(keepingLengthsTrue);

export function findTarget(name: string): ConvertTarget | undefined {
  return TARGETS.find((target) => target.name === name);
}

export type { ConvertOptions, ConvertTarget, Loss } from './types.ts';
