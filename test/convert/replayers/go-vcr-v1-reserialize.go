// The oracle for `convert --to go-vcr-v1`: each cassette loaded by go-vcr 1.x (cassette.Load) and
// written again by its Save (yaml.v2 Marshal after "---\n"), as go-vcr writes a cassette it recorded.
// Prints JSON {path: text}.
package main

import (
	"encoding/json"
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"

	"github.com/dnaeon/go-vcr/cassette"
)

func main() {
	out := map[string]string{}
	dir, _ := ioutil.TempDir("", "go-vcr-oracle")
	defer os.RemoveAll(dir)
	for i, path := range os.Args[1:] {
		c, err := cassette.Load(strings.TrimSuffix(path, ".yaml"))
		if err != nil {
			fmt.Fprintln(os.Stderr, path, err)
			os.Exit(1)
		}
		c.File = filepath.Join(dir, fmt.Sprintf("%d.yaml", i))
		if err := c.Save(); err != nil {
			fmt.Fprintln(os.Stderr, path, err)
			os.Exit(1)
		}
		text, _ := ioutil.ReadFile(c.File)
		out[path] = string(text)
	}
	text, _ := json.Marshal(out)
	fmt.Println(string(text))
}
