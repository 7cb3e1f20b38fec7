// Formats a remaining time for the key list, such as "59 min" or
// "6 days 23 h". Rounds down, so a key never looks as if it had longer than
// it has. Under a minute it reads "less than 1 min".
export function formatTimeLeft(milliseconds: number): string {
  const totalMinutes = Math.floor(milliseconds / 60_000);
  if (totalMinutes < 1) {
    return "less than 1 min";
  }

  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;

  if (days > 0) {
    return joinParts([`${days} ${days === 1 ? "day" : "days"}`, hours > 0 ? `${hours} h` : null]);
  }
  if (hours > 0) {
    return joinParts([`${hours} h`, minutes > 0 ? `${minutes} min` : null]);
  }
  return `${minutes} min`;
}

function joinParts(parts: (string | null)[]): string {
  return parts.filter((part) => part !== null).join(" ");
}
