/** The two versions the save loop alternates between: different sizes, so a torn write shows. */
export const faultTexts: [string, string] = [
  `---\ntitle: "Old"\n---\n${'the old body line, kept whole or not at all\n'.repeat(6000)}`,
  `---\ntitle: "New"\n---\n${'a NEW body line that is a little longer than the old one\n'.repeat(5000)}`,
];
