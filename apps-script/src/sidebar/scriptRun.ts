/**
 * google.script.run as promises. The real object is Google's, injected into the sidebar's frame; each call runs
 * one server function of Code.js asynchronously and answers through the success or failure handler.
 */
import type { RpcFunction } from '../protocol';

export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

export type Call = <T>(name: RpcFunction, ...args: unknown[]) => Promise<T>;

export function scriptRunCall(run: ScriptRun): Call {
  return <T>(name: RpcFunction, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const runner = run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler(reject);
      const fn = runner[name];
      if (typeof fn !== 'function') {
        reject(new Error(`google.script.run has no ${name}`));
        return;
      }
      (fn as (...a: unknown[]) => void).apply(runner, args);
    });
}
