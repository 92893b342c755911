/**
 * The test factories: users, organisations, challenges and proposals. Each arranges what a test is not
 * about (directly in SQL where that is faster, through the API where the path matters) and takes an
 * options object for what it is about.
 */
export * from './users.js';
export * from './organizations.js';
export * from './challenges.js';
export * from './proposals.js';
export * from './introductions.js';
