/** Grouping accuracy (loghub): the share of lines whose predicted group holds exactly the lines of their true group. */
export function groupingAccuracy(predicted: readonly string[], truth: readonly string[]): number {
  if (predicted.length !== truth.length)
    throw new RangeError(`groupingAccuracy needs equal lengths, got ${predicted.length} and ${truth.length}`);
  if (predicted.length === 0) return 1;
  const predictedGroups = groupIndexes(predicted);
  const truthGroups = groupIndexes(truth);
  let correct = 0;
  for (const members of predictedGroups.values()) {
    const first = members[0];
    const trueMembers = truthGroups.get(truth[first]) as number[];
    if (trueMembers.length === members.length && members.every((i) => truth[i] === truth[first]))
      correct += members.length;
  }
  return correct / predicted.length;
}

function groupIndexes(labels: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  labels.forEach((label, index) => {
    const members = groups.get(label);
    if (members === undefined) groups.set(label, [index]);
    else members.push(index);
  });
  return groups;
}
