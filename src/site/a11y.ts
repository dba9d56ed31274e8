/** 适老化 mode: a cookie the layout reads, so large text and high contrast work without JavaScript. */
export const A11Y_COOKIE = 'site-a11y'
