/** Placeholder replaced below. */
console.log('bench: nothing measured yet');
