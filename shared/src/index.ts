/**
 * @flowdesk/shared: the isomorphic core of Flow Desk. Import a module's subpath
 * (`@flowdesk/shared/security`) to keep bundles small; this entry re-exports them all.
 */
export * from './core';
export * from './catalog';
export * from './security';
export * from './workspace';
export * from './resilience';
export * from './monitoring';
export * from './ipc';
export * from './licensing';
export * from './policy';
export * from './enterprise';
