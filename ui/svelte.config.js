export default {
  compilerOptions: {
    // Styles go to a CSS file (style-src 'self'), never into an inline <style>.
    css: "external",
  },
};
