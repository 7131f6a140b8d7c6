import { HomeActions } from './components/home/HomeActions';
import { PublicRoomList } from './components/home/PublicRoomList';

/** Home: create a room, join one by code, or pick a public room to join or watch. */
export default function HomePage() {
  return (
    <div className="home">
      <section className="hero">
        <h1>Codewords with friends, right in your browser</h1>
        <p>
          Two teams, twenty-five words, one-word clues. Make a room, share the link, and play beside your video call. No
          sign-up, no download.
        </p>
      </section>
      <HomeActions />
      <PublicRoomList />
    </div>
  );
}
