/** Where the browser remembers the player's nickname (localStorage). */
export const NICKNAME_KEY = 'parlor:nickname';

/**
 * A tiny script the layout inlines in `<head>`: it marks `<html data-nickname-stored>`
 * when a nickname is remembered, before the first paint. The server cannot know, so a room
 * page renders both of its first screens and the CSS shows the one that fits (see RoomPage).
 */
export const NICKNAME_SCRIPT = `(function(){try{if(localStorage.getItem(${JSON.stringify(NICKNAME_KEY)}))document.documentElement.setAttribute("data-nickname-stored","")}catch(e){}})()`;
