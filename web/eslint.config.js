// ESLint for the widget (`make lint`): the recommended rules, modern JavaScript
// (const and let, no var), for a script that runs in browsers as it is.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["node_modules/"] },
  js.configs.recommended,
  {
    files: ["widget.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: globals.browser },
    rules: { "no-var": "error", "prefer-const": "error", eqeqeq: "error", strict: ["error", "function"] },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
