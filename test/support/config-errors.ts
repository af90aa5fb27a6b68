/** The setting `loadConfig` names when it refuses these settings (a test fails when it takes them). */
import { ConfigError, loadConfig } from '../../src/config.js';

export function settingThatFails(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.setting;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
