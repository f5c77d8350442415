// Lint for the site's own scripts (petr/static/js): plain browser scripts, no build step.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["petr/static/js/**/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
];
