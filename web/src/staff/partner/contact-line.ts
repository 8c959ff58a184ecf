/** A partner organisation's contact person on one line: name · phone · e-mail (what is known). */
export function contactLine(contact: { name: string; phone: string | null; email: string | null }): string {
  return [contact.name, contact.phone, contact.email].filter(Boolean).join(' · ');
}
