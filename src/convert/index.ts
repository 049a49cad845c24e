// The one registry of `convert --to` targets. A new target is a module in this folder and a line here.

import type { ConvertTarget } from './types.ts';
import { goVcrV1, goVcrV2 } from './go-vcr.ts';
import { vcrpyJson, vcrpyYaml } from './vcrpy.ts';
import { rubyVcrYaml } from './ruby-vcr.ts';
import { har } from './har.ts';
import { polly } from './polly.ts';

export const TARGETS: readonly ConvertTarget[] = [goVcrV2, goVcrV1, vcrpyYaml, vcrpyJson, rubyVcrYaml, har, polly];

export function findTarget(name: string): ConvertTarget | undefined {
  return TARGETS.find((target) => target.name === name);
}

export type { ConvertOptions, ConvertTarget, Loss } from './types.ts';
