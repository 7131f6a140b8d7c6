import { LoadingState } from '../StateNotice';

/**
 * The room's code in large type, to read aloud: the title of the room header (small during
 * a game, room.css). A heading only once the room is there (`heading`); while joining, the
 * status line speaks for it.
 */
export function RoomTitle({ code, heading = true }: { code: string; heading?: boolean }) {
  const Title = heading ? 'h1' : 'p';
  return (
    <Title className="room-title">
      <span className="room-title-label">Room</span> <span className="room-code">{code}</span>
    </Title>
  );
}

/**
 * A room while this tab joins it: the title where the room header will be, and a spinner.
 * The server renders it too, so a returning player's first paint already shows the room's
 * code (the page's largest text) instead of waiting for the scripts and the join.
 */
export function JoiningRoom({ code }: { code: string }) {
  return (
    <div className="room">
      <div className="room-header">
        <div className="room-header-top">
          <RoomTitle code={code} heading={false} />
        </div>
      </div>
      <LoadingState>Joining room {code}…</LoadingState>
    </div>
  );
}
