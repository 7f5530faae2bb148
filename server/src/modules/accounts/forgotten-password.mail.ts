/** The « Mot de passe oublié » e-mail, plain text first (many school mailboxes strip HTML). */
export function forgottenPasswordMail(data: { firstName: string; login: string; link: string; hours: number }): { subject: string; text: string } {
  return {
    subject: 'Renouvellement de votre mot de passe ENT',
    text: [
      `Bonjour ${data.firstName},`,
      '',
      `Une demande de renouvellement du mot de passe de votre compte ENT (identifiant : ${data.login}) a été faite.`,
      `Pour choisir un nouveau mot de passe, ouvrez ce lien dans les ${data.hours} heures :`,
      '',
      data.link,
      '',
      "Le lien ne fonctionne qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
      '',
      'Ceci est un message automatique, merci de ne pas y répondre.',
    ].join('\n'),
  };
}
