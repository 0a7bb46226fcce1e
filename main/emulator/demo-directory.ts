// Who works on the demo portal and what its lines are called. Shared by the
// dialogs (dataset.ts), their transcripts and the lines, so that an operator
// is the same person with the same name in every answer.
import type { EmulatedUser } from './emulator-types';

export const DEMO_OPERATORS: Record<number, string> = {
  27: 'Samantha Johnson',
  31: 'Daniel Kim',
  44: 'María García',
  52: 'Олег Соколов',
  63: 'فاطمة الزهراء',
  70: '李伟',
  81: "Tom O'Brien",
};

const POSITIONS: Record<number, string> = {
  27: 'Support team lead',
  31: 'Senior support agent',
  44: 'VIP line supervisor',
  52: 'Специалист поддержки',
  63: 'Customer care agent',
  70: 'Support agent',
  81: 'Night shift agent',
};

const GENDERS: Record<number, 'M' | 'F'> = { 27: 'F', 31: 'M', 44: 'F', 52: 'M', 63: 'F', 70: 'M', 81: 'M' };

/** Index = line (CONFIG_ID); 0 is unused. Line 22 is the documented sample's. */
export const DEMO_LINE_NAMES: Record<number, string> = {
  1: 'Website chat',
  2: 'Sales',
  3: 'Support',
  4: 'Billing',
  5: 'Partners',
  6: 'Служба поддержки',
  7: 'VIP clients',
  8: 'Messengers',
  9: 'Night shift',
  22: 'Bitrix24 Documentation',
};

/** The lines' welcome bot (the id the documented line's WELCOME_BOT_ID names). */
export const DEMO_BOT: EmulatedUser = {
  id: 597,
  name: 'Help Desk Bot',
  kind: 'bot',
  workPosition: 'Chatbot',
  color: '#8474c8',
};

export function demoOperator(userId: number): EmulatedUser {
  return {
    id: userId,
    name: demoPersonName(userId),
    kind: 'employee',
    workPosition: POSITIONS[userId] ?? null,
    gender: GENDERS[userId] ?? 'M',
  };
}

/** The portal's administrator, who owns DEMO_WEBHOOK (user 1, as in the documented samples). */
const ADMIN = { id: 1, name: 'Vladimir Loginov' };

/** How a transcript names someone it mentions ([USER=id]) but who wrote nothing in it. */
export function demoPersonName(userId: number): string {
  if (userId === ADMIN.id) return ADMIN.name;
  if (userId === DEMO_BOT.id) return DEMO_BOT.name;
  return DEMO_OPERATORS[userId] ?? `User ${userId}`;
}
