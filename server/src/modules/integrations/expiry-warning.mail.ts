/** « Le jeton de l'application … expire » to the client's creator, plain text (school mailboxes strip HTML). */
export function expiryWarningMail(data: { firstName: string; client: string; structure: string; expiresAt: Date; days: number; link: string }): { subject: string; text: string } {
  const date = data.expiresAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
  const delay = data.days <= 1 ? 'moins de 2 jours' : `${data.days} jours`;
  return {
    subject: `Le jeton de l'application « ${data.client} » expire dans ${delay}`,
    text: [
      `Bonjour ${data.firstName},`,
      '',
      `Le jeton du client API « ${data.client} » (${data.structure}), que vous avez créé, expire le ${date}.`,
      "Passé cette date, l'application ne pourra plus appeler Préau.",
      '',
      "Pour qu'elle continue de fonctionner, renouvelez le jeton avant cette date (« Renouveler le jeton », en choisissant une nouvelle échéance) et transmettez le nouveau jeton à l'éditeur : l'ancien reste valable 24 heures.",
      '',
      data.link,
      '',
      'Ceci est un message automatique, merci de ne pas y répondre.',
    ].join('\n'),
  };
}
