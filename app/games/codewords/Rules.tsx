import Link from 'next/link';
import { CardIcon } from './CardIcon';
import './cards.css';
import './rules.css';

/** The rules of Codewords in two minutes, with the card key that the board uses (at /how-to-play/codewords). */
export default function CodewordsRules() {
  return (
    <article className="prose">
      <h1>How to play Codewords</h1>
      <p className="lead">
        Two teams race to find their secret agents among 25 words. Each team has a <strong>spymaster</strong>, who
        knows which words are which, and <strong>operatives</strong>, who guess. Best with 4 to 10 people beside a
        video call or around a table.
      </p>

      <h2>Set up</h2>
      <ol>
        <li>
          Make a room on the <Link href="/">home page</Link> with Codewords picked, and share the link, the QR code, or
          the room code.
        </li>
        <li>Each team takes one spymaster seat and at least one operative seat. Anyone else can watch.</li>
        <li>The host presses Start game.</li>
      </ol>

      <h2>A turn</h2>
      <ol>
        <li>
          The spymaster gives a <strong>clue</strong>: one word and a number, like <em>OCEAN 2</em>, meaning
          &ldquo;two of our words have to do with ocean&rdquo;. The clue may not be a word on the board.
        </li>
        <li>
          The operatives talk it over and tap cards one at a time. They may guess up to the number plus one, and
          must guess at least once; then they can end the turn.
        </li>
        <li>The turn ends at once when they hit a bystander or the other team&rsquo;s agent.</li>
      </ol>

      <h2>The cards</h2>
      <ul className="key-list">
        <li>
          <span className="key-swatch color-red">
            <CardIcon color="red" />
          </span>
          <span>
            <strong>Red agent</strong> (diamond, striped): red wants these.
          </span>
        </li>
        <li>
          <span className="key-swatch color-blue">
            <CardIcon color="blue" />
          </span>
          <span>
            <strong>Blue agent</strong> (circle, dotted): blue wants these.
          </span>
        </li>
        <li>
          <span className="key-swatch color-bystander">
            <CardIcon color="bystander" />
          </span>
          <span>
            <strong>Bystander</strong> (bar, lined): ends the turn, nothing else.
          </span>
        </li>
        <li>
          <span className="key-swatch color-assassin">
            <CardIcon color="assassin" />
          </span>
          <span>
            <strong>Assassin</strong> (cross, hatched): the team that finds it loses on the spot.
          </span>
        </li>
      </ul>

      <h2>Winning</h2>
      <p>
        The first team whose agents are all face up wins, even if the other team turned over the last one. The team
        that starts has nine agents, the other eight.
      </p>

      <h2>Good to know</h2>
      <ul>
        <li>Spymasters: no hints by face or voice. Your clue is all your team gets.</li>
        <li>A clue of 0 or Unlimited lets the operatives guess as many cards as they like.</li>
        <li>Everything works with a keyboard: Tab to a card, Enter to turn it over. Screen readers hear each clue and guess.</li>
        <li>Lost your connection? Just wait or reload: you keep your seat.</li>
      </ul>

    </article>
  );
}
