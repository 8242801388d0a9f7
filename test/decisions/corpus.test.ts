import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDecisionRecord } from "../../src/decisions/parse.js";
import type { DecisionStatus } from "../../src/decisions/types.js";

/**
 * Every record in the real-world corpus, with what a careful reader takes from it. Notes on the
 * judgement calls:
 * - "on hold", "Pending", "draft", "🤔 Incomplete" are decisions not yet made: proposed.
 * - "Approved", "Approved by @x" are accepted; "Declined" and "Withdrawn" are rejected.
 * - "Partly superseded" (govuk 0003) is accepted: the rest of it is still in force.
 * - "Amended by X" / "Amends X" (govuk 0010, 0017) and "Supersedes X" leave the status alone.
 * - `{proposed}` / `{ accepted }` in front matter (a template's braces kept around a real value)
 *   are read; `{Deprecated|Proposed|Accepted|Declined}` and `[ accepted | deprecated | … ]`
 *   are unfilled templates: unknown.
 * - The number comes from the front matter, else the file name, else the title: govuk 0033
 *   ("# 3.") is 33, MoJ 030 ("# 29") is 30, zooniverse adr-59 ("ADR 58") is 59.
 * - Dates: MoJ writes day/month/year; Sylius' invalid dates fall back to the file name's date,
 *   as do dated file names without a Date line (hydra); `2024-023-2706` is no date.
 */
const CORPUS = fileURLToPath(new URL("../../../shared/corpus/adr/", import.meta.url));

interface Expected {
  status: DecisionStatus;
  number: number | null;
  title: string | null;
  date: string | null;
  supersedes?: string[];
  supersededBy?: string[];
}

const e = (
  status: DecisionStatus,
  number: number | null,
  title: string | null,
  date: string | null,
  rel: Pick<Expected, "supersedes" | "supersededBy"> = {},
): Expected => ({ status, number, title, date, ...rel });

const EXPECTED: Record<string, Expected> = {
  "DependencyTrack__hyades/003-notification-publishing.md": e("proposed", 3, null, "2025-01-19"),
  "JabRef__jabref/0045-use-input-flag-always-for-input-files.md": e(
    "superseded",
    45,
    "Use `--input` Flag Consistently for Reading Input Files",
    null,
    { supersededBy: ["ADR-0057"] },
  ),
  "JabRef__jabref/0057-allow-positional-input-file-argument.md": e(
    "accepted",
    57,
    "Allow a Positional Input File Argument for `jabkit` Commands",
    null,
    { supersedes: ["ADR-0045"] },
  ),
  "MITLibraries__mario/0002-use-elasticsearch.md": e(
    "superseded",
    2,
    "Use Elasticsearch",
    "2018-07-03",
    { supersededBy: ["0016-replace-elasticsearch-with-opensearch.md"] },
  ),
  "MITLibraries__mario/0012-use-lambda-and-fargate-for-task-execution.md": e(
    "superseded",
    12,
    "Use Lambda and Fargate for Task Execution",
    "2019-01-31",
    {
      supersedes: ["0005-use-aws-lambda.md"],
      supersededBy: ["0013-use-sqs-and-airflow-for-task-execution.md"],
    },
  ),
  "MITLibraries__mario/0016-replace-elasticsearch-with-opensearch.md": e(
    "accepted",
    16,
    "Replace Elasticsearch with OpenSearch",
    "2022-03-02",
    { supersedes: ["0002-use-elasticsearch.md"] },
  ),
  "Sylius__Sylius/2020_09_01_admin_and_shop_split.md": e(
    "accepted",
    null,
    "Separation of admin and shop routes",
    "2020-09-01",
  ),
  "Sylius__Sylius/2024_08_29_message_buses_unification.md": e(
    "accepted",
    null,
    "Unification of base message buses in sylius",
    "2024-08-29",
  ),
  "adr__madr/0003-provide-own-madr-tools.md": e("proposed", 3, "Write Own MADR Tooling", null),
  "adr__madr/0008-add-status-field.md": e("unknown", 8, "Add Status Field", null),
  "alphagov__govuk-aws/0003-aws-networking-outline.md": e(
    "accepted",
    3,
    "Networking Outline",
    "2017-06-30",
  ),
  "alphagov__govuk-aws/0004-dns-definitions-for-hosts-and-services.md": e(
    "superseded",
    4,
    "DNS definitions for hosts and services",
    "2017-07-14",
    { supersededBy: ["0015-dns-infrastructure.md"] },
  ),
  "alphagov__govuk-aws/0010-terraform-directory-structure.md": e(
    "accepted",
    10,
    "Terraform directory structure",
    "2017-07-04",
    { supersededBy: [] },
  ),
  "alphagov__govuk-aws/0017-terraform-data-structure.md": e(
    "accepted",
    17,
    "Terraform Data Structure",
    "2017-07-14",
    { supersedes: [] },
  ),
  "alphagov__govuk-aws/0033-ip-ranges.md": e("proposed", 33, "Networking Outline", "2018-09-26"),
  "alphagov__govuk-aws/0038-mongo_replacement_by_documentdb.md": e(
    "accepted",
    38,
    "Mongo Replacement by DocumentDB",
    "2019-10-17",
  ),
  "arachne-framework__architecture/adr-017-simplify-chimera-model.md": e(
    "proposed",
    17,
    "Simplification of Chimera Model",
    null,
  ),
  "cardano-scaling__hydra/2022-03-28_017-udp-networking.md": e(
    "superseded",
    17,
    "Use UDP protocol for Hydra networking",
    "2022-03-28",
    { supersededBy: ["/adr/32"] },
  ),
  "cardano-scaling__hydra/2022-04-13_018-single-state.md": e(
    "superseded",
    18,
    "Single state in Hydra.Node.",
    "2022-04-13",
    { supersededBy: ["/adr/23", "/adr/26"] },
  ),
  "cometbft__cometbft/adr-036-empty-blocks-abci.md": e(
    "unknown",
    36,
    "Empty Blocks via ABCI",
    null,
  ),
  "cometbft__cometbft/adr-058-event-hashing.md": e("rejected", 58, "Event hashing", null),
  "cometbft__cometbft/adr-071-proposer-based-timestamps.md": e(
    "accepted",
    71,
    "Proposer-Based Timestamps",
    null,
  ),
  "cometbft__cometbft/adr-110-remote-mempool.md": e("rejected", 110, "Remote mempool", null, {
    supersededBy: ["ADR 111"],
  }),
  "decentraland__adr/ADR-10-profile-deployment-debouncing.md": e(
    "rejected",
    10,
    "Deployment debouncing",
    "2020-10-26",
  ),
  "decentraland__adr/ADR-128-realm-modifiers-for-worlds-in-renderer.md": e(
    "deprecated",
    128,
    "Realms modifiers for Worlds in Renderer",
    "2021-11-15",
  ),
  "decentraland__adr/ADR-16-unity-data-store-architecture.md": e(
    "deprecated",
    16,
    "Unity data store architecture",
    "2020-11-05",
  ),
  "elastisys__compliantkubernetes/0003-push-metrics-via-influxdb.md": e(
    "superseded",
    3,
    "Push Metrics via InfluxDB",
    "2020-11-19",
    { supersededBy: ["0019-push-metrics-via-thanos.md"] },
  ),
  "elastisys__compliantkubernetes/0010-run-managed-services-in-workload-cluster.md": e(
    "proposed",
    10,
    "Run managed services in Workload Cluster",
    "2021-04-29",
  ),
  "elastisys__compliantkubernetes/0023-allow-snippets-annotations.md": e(
    "superseded",
    23,
    "Only allow Ingress Configuration Snippet Annotations after Proper Risk Acceptance",
    "2022-08-11",
    { supersededBy: ["0056-allow-snippets-annotations-after-risk-acceptance.md"] },
  ),
  "hyperledger__identus-cloud-agent/20221005-using-tapir-library-as-a-dsl-for-openapi-specification.md":
    e("accepted", null, "Using tapir library as a DSL for OpenAPI specification", "2022-10-05"),
  "hyperledger__identus-cloud-agent/20230206-use-flyway-to-manage-migrations-for-application-services.md":
    e("unknown", null, "Use flyway to manage migrations for application services", "2023-02-06", {
      supersededBy: [],
    }),
  "hyperledger__identus-cloud-agent/20230405-did-linked-resources.md": e(
    "proposed",
    null,
    "DID-linked-resources",
    "2023-04-05",
  ),
  "hyperledger__identus-cloud-agent/20230926-use-keycloak-authorisation-service-for-managing-wallet-permissions.md":
    e(
      "accepted",
      null,
      "Use keycloak authorisation service for managing wallet permissions",
      "2023-09-26",
    ),
  "microsoft__semantic-kernel/0006-open-api-dynamic-payload-and-namespaces.md": e(
    "superseded",
    6,
    "Dynamic payload building for PUT and POST RestAPI operations and parameter namespacing",
    "2023-08-15",
    { supersededBy: ["0062-open-api-payload.md"] },
  ),
  "microsoft__semantic-kernel/0010-dotnet-project-structure.md": e(
    "superseded",
    10,
    "DotNet Project Structure for 1.0 Release",
    "2023-09-29",
    { supersededBy: ["0042-samples-restructure.md"] },
  ),
  "microsoft__semantic-kernel/0018-kernel-hooks-phase2.md": e("unknown", 18, null, null),
  "microsoft__semantic-kernel/0021-aiservice-metadata.md": e(
    "proposed",
    21,
    "Add AI Service Metadata",
    "2023-11-10",
  ),
  "microsoft__semantic-kernel/0036-semantic-kernel-release-versioning.md": e(
    "accepted",
    36,
    "Semantic Kernel Release Versioning",
    null,
  ),
  "microsoft__semantic-kernel/0044-OTel-semantic-convention.md": e(
    "accepted",
    44,
    "Use standardized vocabulary and specification for observability in Semantic Kernel",
    "2024-05-02",
  ),
  "microsoft__semantic-kernel/0054-processes.md": e(
    "accepted",
    54,
    "Business Process Execution with Semantic Kernel",
    "2024-09-20",
  ),
  "ministryofjustice__cloud-platform/001-Use-AWS-hosted-elasticsearch.md": e(
    "accepted",
    1,
    "Use AWS hosted Elasticsearch",
    "2018-02-05",
  ),
  "ministryofjustice__cloud-platform/006-Use-github-as-user-directory.md": e(
    "accepted",
    6,
    "Use GitHub as our identity provider",
    "2018-04-09",
  ),
  "ministryofjustice__cloud-platform/018-Dedicated-Ingress-Controllers.md": e(
    "rejected",
    18,
    "Dedicated Ingress Controllers for teams",
    "2020-09-02",
  ),
  "ministryofjustice__cloud-platform/021-Multi-cluster.md": e(
    "superseded",
    21,
    "Multi-cluster",
    "2021-05-11",
    { supersededBy: ["036-multi-cluster.md"] },
  ),
  "ministryofjustice__cloud-platform/030-AWS-root-user-security.md": e(
    "unknown",
    30,
    "Kubernetes security config auditing",
    "2021-12-09",
  ),
  "ministryofjustice__cloud-platform/034-EKS-Fargate.md": e(
    "proposed",
    34,
    "EKS Fargate",
    "2022-01-21",
  ),
  "simpledotorg__simple-android/001-screen-controllers.md": e(
    "superseded",
    1,
    "Screen Controllers",
    null,
    { supersededBy: ["./008-screen-architecture-v3.md"] },
  ),
  "simpledotorg__simple-android/008-screen-architecture-v3.md": e(
    "accepted",
    8,
    "Screen Architecture (v3)",
    "2019-10-01",
    { supersedes: ["./001-screen-controllers.md", "./007-screen-architecture-v2.md"] },
  ),
  "simpledotorg__simple-android/009-mdc-migration.md": e(
    "accepted",
    9,
    "Material Design Components (MDC) Migration",
    "2020-04-16",
  ),
  "theupdateframework__python-tuf/0001-python-version-3-6-plus.md": e(
    "accepted",
    1,
    "Default to Python 3.6 or newer for new development",
    "2020-10-20",
  ),
  "theupdateframework__python-tuf/0002-pre-1-0-deprecation-strategy.md": e(
    "unknown",
    2,
    "Deprecation strategy for current release series (0.x)",
    "2020-11-05",
  ),
  "thomvaill__log4brains/20200926-use-the-adr-number-as-its-unique-id.md": e(
    "superseded",
    null,
    "Use the ADR number as its unique ID",
    "2020-09-26",
    { supersededBy: ["20201016-use-the-adr-slug-as-its-unique-id.md"] },
  ),
  "thomvaill__log4brains/20201002-use-explicit-architecture-and-ddd-for-the-core-api.md": e(
    "accepted",
    null,
    "Use Explicit Architecture and DDD for the core API",
    "2020-10-02",
  ),
  "thomvaill__log4brains/20201016-use-the-adr-slug-as-its-unique-id.md": e(
    "accepted",
    null,
    "Use the ADR slug as its unique ID",
    "2020-10-16",
    { supersedes: ["20200926-use-the-adr-number-as-its-unique-id.md"] },
  ),
  "zooniverse__front-end-monorepo/adr-08.md": e(
    "accepted",
    8,
    "Building the TESS Light Curve Viewer",
    "2018-10-15",
  ),
  "zooniverse__front-end-monorepo/adr-15.md": e(
    "superseded",
    15,
    "Drawing tools API",
    "2019-06-19",
    {
      supersededBy: ["adr-22.md"],
    },
  ),
  "zooniverse__front-end-monorepo/adr-59.md": e(
    "accepted",
    59,
    "Incremental Static Regeneration for project pages",
    null,
  ),
};

function corpusFiles(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(`${CORPUS}${d.name}`).map((f) => `${d.name}/${f}`))
    .sort();
}

const parseCorpus = (name: string) =>
  parseDecisionRecord(readFileSync(`${CORPUS}${name}`, "utf8"), name);

describe("decision record corpus", () => {
  it("has an expectation for every corpus file, and no stale ones", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(corpusFiles());
  });

  it.each(Object.entries(EXPECTED))("%s", (name, expected) => {
    const r = parseCorpus(name);
    expect({ status: r.status, number: r.number, title: r.title, date: r.date }).toEqual({
      status: expected.status,
      number: expected.number,
      title: expected.title,
      date: expected.date,
    });
    if (expected.supersedes) expect(r.supersedes).toEqual(expected.supersedes);
    if (expected.supersededBy) expect(r.supersededBy).toEqual(expected.supersededBy);
    if (r.status === "unknown") expect(r.problems.length).toBeGreaterThan(0);
  });

  it("counts records by status", () => {
    const counts: Record<string, number> = {};
    for (const name of corpusFiles()) {
      const s = parseCorpus(name).status;
      counts[s] = (counts[s] ?? 0) + 1;
    }
    expect(counts).toEqual({
      accepted: 23,
      superseded: 14,
      proposed: 8,
      unknown: 6,
      rejected: 4,
      deprecated: 2,
    });
  });

  it.each([
    ["adr__madr/0008-add-status-field.md", /no status found/],
    ["cometbft__cometbft/adr-036-empty-blocks-abci.md", /unfilled template/],
    [
      "hyperledger__identus-cloud-agent/20230206-use-flyway-to-manage-migrations-for-application-services.md",
      /unfilled template/,
    ],
    ["alphagov__govuk-aws/0033-ip-ranges.md", /title says number 3, but the record is number 33/],
    ["alphagov__govuk-aws/0003-aws-networking-outline.md", /partly superseded/],
    ["Sylius__Sylius/2020_09_01_admin_and_shop_split.md", /"2020-09-31" is not a calendar date/],
    ["microsoft__semantic-kernel/0036-semantic-kernel-release-versioning.md", /"2024-023-2706"/],
    ["ministryofjustice__cloud-platform/001-Use-AWS-hosted-elasticsearch.md", /day\/month/],
    ["DependencyTrack__hyades/003-notification-publishing.md", /no title/],
  ])("%s reports a problem matching %s", (name, pattern) => {
    expect(parseCorpus(name).problems.join("\n")).toMatch(pattern);
  });

  it("reports no problems for clean records", () => {
    for (const name of [
      "MITLibraries__mario/0016-replace-elasticsearch-with-opensearch.md",
      "adr__madr/0003-provide-own-madr-tools.md",
      "microsoft__semantic-kernel/0044-OTel-semantic-convention.md",
      "thomvaill__log4brains/20201016-use-the-adr-slug-as-its-unique-id.md",
    ])
      expect(parseCorpus(name).problems, name).toEqual([]);
  });
});
