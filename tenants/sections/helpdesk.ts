import { z } from "zod";

/** Who staff contact about their workplace; printed in the generated telework guide. */
export const HelpdeskSchema = z
  .strictObject({
    name: z.string().min(1).describe("e.g. ICT-dienst"),
    email: z.email({ error: "helpdesk.email must be an e-mail address like ict@gemeente.be" }),
    phone: z.string().regex(/^\+?[0-9 ()/.-]{6,}$/, { error: "helpdesk.phone must be a phone number like +32 2 000 00 00" }).optional(),
    hours: z.string().optional().describe("opening hours, e.g. werkdagen 8u30–16u30"),
  })
  .describe("helpdesk for staff, shown in the telework guide (werkplek docs)");
