export * from './errors';
export * from './result';
export * from './clone';
