/** The global of the full stage's isolated world where the background leaves its handoff (lib/background/stages.ts). */
export const HANDOFF_KEY = '__crosscheckHandoff';
