// A Terraform working directory for the e2e tests: the stack's main.tf copied in, a CLI config that
// installs only the provider built here (its filesystem mirror in the tools cache; no registry, no
// checkpoint calls), and the stack's clouds.yaml for the provider's credentials.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../hack/lib/exec.js';
import type { Stack } from '../../../hack/lib/stack.js';

export interface TerraformDir {
  dir: string;
  /** terraform with these arguments (and -no-color), TF_VAR_-prefixed variables added for this call. */
  terraform(args: string[], vars?: Record<string, string>): Promise<string>;
}

export function terraformDir(stack: Stack, mainTf: string, vars: Record<string, string>): TerraformDir {
  const dir = mkdtempSync(join(tmpdir(), 'osim-terraform-'));
  copyFileSync(mainTf, join(dir, 'main.tf'));
  writeFileSync(join(dir, 'terraformrc'), [
    'provider_installation {',
    `  filesystem_mirror {\n    path    = "${join(stack.toolsBin, 'terraform-plugins')}"\n    include = ["registry.terraform.io/terraform-provider-openstack/openstack"]\n  }`,
    '}',
    'disable_checkpoint = true',
  ].join('\n'));
  const tfVars = (v: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(v).map(([k, val]) => [`TF_VAR_${k}`, val]));
  const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, 'terraformrc'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', OS_CLIENT_CONFIG_FILE: stack.cloudsYaml, TF_INPUT: '0', ...tfVars(vars) };
  return {
    dir,
    terraform: (args, more = {}) => run('terraform', [`-chdir=${dir}`, ...args, '-no-color'], { quiet: true, env: { ...env, ...tfVars(more) } }),
  };
}
