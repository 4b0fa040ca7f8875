import type { Rule } from './types';
import { authFunctionFix, authPairs, environmentFix } from './auth';

export const GR015: Rule = {
  code: 'GR015',
  title: 'Plaintext credentials in `auth=`',
  severity: 'warning',
  versions: '*',
  docs: `
## What it does
Reports \`launch(auth=...)\` when a password is written in the source: a literal \`("user", "password")\` tuple, a
list of them, or a module-level constant holding one. Credentials read from \`os.environ\`, \`os.getenv\` or a secrets
store are not reported.

## Why is this bad?
Anything in the source ends up in version control, in the Space's public files, and in every copy of the app.
Whoever reads the code can log in, and changing the password means a new commit.

## Example
\`\`\`python
demo.launch(auth=("admin", "hunter2"))
\`\`\`

Use instead:
\`\`\`python
import hmac
import os


def check_auth(username: str, password: str) -> bool:
    expected_username = os.environ.get("GRADIO_USERNAME", "")
    expected_password = os.environ.get("GRADIO_PASSWORD", "")
    if not expected_username or not expected_password:
        return False
    username_ok = hmac.compare_digest(username.encode(), expected_username.encode())
    password_ok = hmac.compare_digest(password.encode(), expected_password.encode())
    return username_ok and password_ok


demo.launch(auth=check_auth)
\`\`\`

## Fix
Two fixes, for a single username/password pair: replace the tuple with a module-level \`check_auth\` function that
compares the login with the \`GRADIO_USERNAME\` and \`GRADIO_PASSWORD\` environment variables in constant time (and
refuses every login when they are not set), or read the tuple from \`os.environ\` instead. Both add the imports
they need. Neither is part of fix-all: the environment variables must be set where the app runs.
`,
  check(ctx) {
    for (const app of ctx.model.apps) {
      for (const launch of app.launches) {
        const auth = authPairs(ctx.model, launch);
        // An empty password is GR017's finding.
        if (!auth?.pairs.some((p) => p.password.value)) continue;
        const kw = launch.call.args.keywords.get('auth')!;
        const fixes = [authFunctionFix(ctx, launch, auth), environmentFix(ctx, auth)].filter((f) => f !== undefined);
        ctx.report({
          node: kw.node,
          message: 'The login password is written in the source: anyone who can read the code can log in; read it from the environment or check logins with a function',
          fixes,
        });
      }
    }
  },
};
