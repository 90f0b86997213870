/** Completion and hover for the words of issue 11: fields, flags, causes, declared events, `from ticket`. */
import { describe, expect, it } from "vitest";
import type { CompletionItem, MarkupContent } from "vscode-languageserver-protocol";
import { serverForFile } from "./client.js";
import { marked } from "./markers.js";

const server = serverForFile();
let n = 0;

const POLICY = `policy acme "ACME"
priority P1 "Critical"
plan gold "Gold"
field product "Product" { broker "HiveMQ Broker"  edge "HiveMQ Edge" }
flag phone_escalated "escalated via phone"
event escalation_requested "the customer asks for a duty manager"
cause customer_modification "customer modifications"
calendar office { zone "Europe/Berlin" Mon-Fri 09:00-18:00 }
calendar always { zone "UTC" 24x7 }
`;

async function labels(fixture: string): Promise<string[]> {
  const { text, position } = marked(`${POLICY}${fixture}`);
  const uri = `file:///test/attributes-${n++}.sla`;
  await server().open(uri, text);
  const result = await server().completion(uri, position);
  const items: CompletionItem[] = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((i) => i.label);
}

async function hover(fixture: string): Promise<string> {
  const { text, position } = marked(`${POLICY}${fixture}`);
  const uri = `file:///test/attributes-hover-${n++}.sla`;
  await server().open(uri, text);
  const h = await server().hover(uri, position);
  return h ? (h.contents as MarkupContent).value : "";
}

describe("completion of issue 11 words", () => {
  it("offers the new declarations at top level", async () => {
    expect(await labels("<|>")).toEqual(expect.arrayContaining(["field", "flag", "event", "cause"]));
  });

  it("offers plans, fields, flags, `priority`, `cause` and `channel` after `calendar X for`", async () => {
    expect(await labels("region eu { calendar office  calendar always for <|> }")).toEqual(["gold", "product", "phone_escalated", "priority", "cause", "channel"]);
  });

  it("offers `for` after `goals`, and declared events in clock rules", async () => {
    expect(await labels("target t { goals <|> }")).toEqual(["for"]);
    expect(await labels("target t { start on <|> }")).toEqual(expect.arrayContaining(["open", "approve", "escalation_requested"]));
  });

  it("offers `from ticket` after `zone` and `holidays`, and fields and flags after `exclude`", async () => {
    expect(await labels("calendar c { zone <|> }")).toContain("from ticket");
    expect(await labels("calendar c { holidays <|> }")).toContain("from ticket");
    expect(await labels("exclude <|>")).toEqual(["channel", "cause", "product", "phone_escalated"]);
    expect(await labels("exclude cause <|>")).toEqual(["customer_modification"]);
  });

  it("offers causes, fields and flags after `ineligible`", async () => {
    expect(await labels("credits { ineligible <|> }")).toEqual(["channel", "optional languages", "account", "obligation", "cause", "priority", "product", "phone_escalated"]);
  });
});

describe("hover on issue 11 words", () => {
  it("explains `field`, `flag`, `event` and `from ticket`", async () => {
    expect(await hover("<|>field other { a }")).toContain("enumerated ticket attribute");
    expect(await hover("<|>flag other \"x\"")).toContain("yes/no ticket attribute");
    expect(await hover("<|>event other \"x\"")).toContain("start on escalation_requested");
    expect(await hover("calendar c { zone from <|>ticket Mon-Fri 09:00-18:00 }")).toContain("customer");
  });
});
