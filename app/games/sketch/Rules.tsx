import Link from 'next/link';
import { CHOICE_MS, DRAWER_MAX, GUESS_BASE, GUESS_ORDER, GUESS_TIME, MIN_PLAYERS, PAUSE_MS } from '@/game/sketch/flow';
import { DEFAULT_SETTINGS, SETTING_BOUNDS } from '@/game/sketch/settings';

/** The rules of Sketch in a minute (at /how-to-play/sketch). The numbers come from the rules themselves. */
export default function SketchRules() {
  return (
    <article className="prose">
      <h1>How to play Sketch</h1>
      <p className="lead">
        One player draws a word, everyone else races to guess it. No teams, no seats to pick: everyone who joins plays.
        Good for {MIN_PLAYERS} to {SETTING_BOUNDS.maxPlayers.max} people, on phones or computers.
      </p>

      <h2>Set up</h2>
      <ol>
        <li>
          Make a room on the <Link href="/">home page</Link> with Sketch picked, and share the link, the QR code, or the
          room code.
        </li>
        <li>
          The host picks the rounds ({DEFAULT_SETTINGS.rounds} by default), the draw time ({DEFAULT_SETTINGS.drawSeconds}{' '}
          seconds), how many words the drawer chooses from, how many letters are given away as hints, and the words: the
          built-in list (easy, medium and hard words), a list of your own, or both.
        </li>
        <li>The host presses Start game. Players who arrive later join in at the next turn.</li>
      </ol>

      <h2>A turn</h2>
      <ol>
        <li>
          The drawer privately picks one of a few words ({CHOICE_MS / 1000} seconds, then one is picked for them).
        </li>
        <li>
          They draw it. Everyone else sees the drawing appear as it is drawn, and the word&rsquo;s blanks: how many
          letters, with a few letters revealed as time goes on.
        </li>
        <li>
          Type guesses in the box under the drawing. Capitals, accents and spaces do not matter. A right guess is never
          shown to the others: they only see that you got it. A guess one letter off tells you alone that you are close.
        </li>
        <li>
          Once you guessed, your messages reach only the drawer and the others who guessed, so you can chat without
          giving it away.
        </li>
        <li>
          The turn ends when everyone guessed or the time runs out. The word is shown to all for {PAUSE_MS / 1000}{' '}
          seconds, then the next player draws. In each round everyone draws once, in the order they joined.
        </li>
      </ol>

      <h2>Scoring</h2>
      <ul>
        <li>
          A right guess scores {GUESS_BASE} points, up to {GUESS_TIME} more the faster you were, and up to {GUESS_ORDER}{' '}
          more for being among the first.
        </li>
        <li>The drawer scores up to {DRAWER_MAX} points: the more players who got it, the more.</li>
        <li>After the last round: the podium, and a gallery of every drawing to replay or download.</li>
      </ul>

      <h2>Drawing</h2>
      <ul>
        <li>Draw with a mouse, a finger or a pen (pens draw thicker when you press harder).</li>
        <li>Pick a colour and a width, erase, fill an area, undo the last stroke (Ctrl+Z) or clear the canvas.</li>
        <li>No letters or numbers in the drawing: that is the fun.</li>
      </ul>

      <h2>Good to know</h2>
      <ul>
        <li>Someone spoiling the game? The host can remove them, or the players can vote them out: a majority is enough.</li>
        <li>Lost your connection? Reload: you keep your score, and the whole drawing comes back.</li>
        <li>Spectators see the drawing and the public guesses, never the word before the turn ends.</li>
      </ul>

    </article>
  );
}
