import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };

type Example = { name: string; examples: Record<string, unknown>[] };

/**
 * A real webhook payload from @octokit/webhooks-examples, with an installation id added (the
 * examples come from repositories without one) and optional overrides merged in.
 */
export function payload<T = Record<string, unknown>>(
  event: string,
  action: string | undefined,
  overrides: (p: T) => void = () => {},
): T {
  const family = (examples as unknown as Example[]).find((e) => e.name === event);
  const example = family?.examples.find((x) => action === undefined || x.action === action);
  if (!example) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  const copy = structuredClone(example) as Record<string, unknown>;
  copy.installation = { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" };
  overrides(copy as T);
  return copy as T;
}
