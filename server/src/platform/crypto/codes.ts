import { randomInt } from 'node:crypto';

/** No look-alikes: no 0/o, 1/l/i, 2/z… as printed on paper sheets handed to families. */
export const CODE_ALPHABET = 'abcdefghjkmnprstvwxyz3456789';
export const CODE_LENGTH = 8;

/** An activation or renewal code from the CSPRNG. */
export function generateCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

export function looksLikeCode(value: string): boolean {
  return value.length === CODE_LENGTH && [...value].every((c) => CODE_ALPHABET.includes(c));
}
