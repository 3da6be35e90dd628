/**
 * The server capability that makes clients send workspace folder changes (no registration needed);
 * the project config services follow them (lsp/projectConfig.ts, lsp/clientProjectConfig.ts).
 * Its own module, free of Node, so the browser build's server announces it too.
 */
export const WORKSPACE_FOLDERS_CAPABILITY = { workspaceFolders: { supported: true, changeNotifications: true } } as const;
