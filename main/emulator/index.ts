// The Bitrix24 REST emulator: a real HTTPS server that answers
// imopenlines.dialog.get, imopenlines.session.history.get,
// imopenlines.config.list.get, im.recent.get, crm.activity.list, scope and batch like a cloud portal, with its limits,
// errors and injectable faults, and plays both sides of its OAuth 2.0 (the
// portal's authorize page and the authorization server). Used by the tests, by
// the app's built-in demo portal and by the CLI's --demo mode, so it must never
// import `electron`.
export type {
  Emulator,
  EmulatedDialog,
  EmulatedFile,
  EmulatedLiveState,
  EmulatedLine,
  EmulatedMessage,
  EmulatedQueueMember,
  EmulatedSession,
  EmulatedUser,
  EmulatorFault,
  EmulatorIssuedToken,
  EmulatorOAuth,
  EmulatorOAuthApp,
  EmulatorOAuthOptions,
  EmulatorOptions,
  EmulatorRequest,
  EmulatorTokenRequest,
  EmulatorWebhook,
} from './emulator-types';
export { DEMO_CONNECTORS, DEMO_IDS, DEMO_MEMBER_ID, DEMO_OAUTH_APP, DEMO_WEBHOOK, demoDataset } from './dataset';
export { DEMO_SESSION_IDS, demoSessions } from './demo-transcripts';
export { demoLines } from './demo-lines';
export { demoLiveDialogs, FIRST_LIVE_CHAT_ID, LIVE_DIALOG_COUNT } from './demo-live-dialogs';
export { startEmulator } from './server';
