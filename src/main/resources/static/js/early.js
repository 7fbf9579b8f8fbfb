// Runs before the first paint: styles that need script (the phone menu folded away) apply only when it runs.
document.documentElement.classList.add('js');
