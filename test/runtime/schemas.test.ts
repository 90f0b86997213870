import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../../runtime/schemas.js";

describe("JSON Schemas generated from the zod schemas", () => {
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    it(`schemas/${file} is up to date`, async () => {
      await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(`../../schemas/${file}`);
    });
  }

  it("the ticket schema requires id and openedAt and names the event types", () => {
    const ticket = jsonSchemas()["ticket.schema.json"] as { required: string[]; properties: Record<string, unknown> };
    expect(ticket.required).toEqual(expect.arrayContaining(["id", "openedAt"]));
    expect(JSON.stringify(ticket.properties["events"])).toContain("reprioritize");
  });
});
