/** The one version string, package.json's: the CLI's `--version` and the server's `serverInfo.version`. */
import { version } from '../../package.json';

export const VERSION: string = version;
