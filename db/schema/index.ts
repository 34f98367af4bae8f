export * from './users';
export * from './workspace';
export * from './audit';
export * from './sign-in-attempts';
export * from './accounts';
export * from './playbooks';
export * from './activities';
export * from './imports';
