// The report's only script, inline and allowed by its sha256 in the CSP. Everything works without
// it (<details> collapse natively); it adds search, a filter, keyboard navigation and expand-all.
// It reads text with textContent and never writes markup, so it cannot turn text into code.

export const SCRIPT = `(function(){
"use strict";
var bar=document.getElementById("toolbar");if(!bar)return;bar.hidden=false;
var q=document.getElementById("q"),f=document.getElementById("filter"),n=document.getElementById("count");
var items=Array.prototype.slice.call(document.querySelectorAll(".interaction"));
var sections=Array.prototype.slice.call(document.querySelectorAll("section.cassette"));
var text=new Map(),rows=new Map();
document.querySelectorAll("tr[data-target]").forEach(function(r){rows.set(r.getAttribute("data-target"),r);});
function textOf(el){var t=text.get(el);if(t===undefined){t=el.textContent.toLowerCase();text.set(el,t);}return t;}
function apply(){
  var query=q.value.trim().toLowerCase(),flag=f.value,shown=0,opened=0;
  sections.forEach(function(s){
    var own=s.querySelectorAll(".interaction"),head=s.getAttribute("data-name")||"",any=false;
    var nameHit=query!==""&&head.toLowerCase().indexOf(query)>=0;
    own.forEach(function(el){
      var flags=" "+(el.getAttribute("data-flags")||"")+" ";
      var ok=(flag===""||flags.indexOf(" "+flag+" ")>=0)&&(query===""||nameHit||textOf(el).indexOf(query)>=0);
      if(el.hidden===ok)el.hidden=!ok;if(ok){any=true;shown++;if(query!==""&&!nameHit&&opened<30&&!el.open){el.open=true;opened++;}}
    });
    var visible=any||(own.length===0&&flag===""&&(query===""||nameHit||textOf(s).indexOf(query)>=0));
    if(s.hidden===visible)s.hidden=!visible;
    var row=rows.get(s.id);if(row&&row.hidden===visible)row.hidden=!visible;
  });
  n.textContent=(query===""&&flag==="")?items.length+" interactions":shown+" of "+items.length+" interactions";
}
var timer;q.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(apply,120);});
f.addEventListener("change",apply);
function setAll(open){items.forEach(function(el){if(!el.hidden)el.open=open;});}
document.getElementById("expand").addEventListener("click",function(){setAll(true);});
document.getElementById("collapse").addEventListener("click",function(){setAll(false);});
var current=-1;
function move(step){
  var visible=items.filter(function(el){return !el.hidden&&el.offsetParent!==null;});if(visible.length===0)return;
  var at=visible.indexOf(items[current]);at=at<0?(step>0?0:visible.length-1):Math.max(0,Math.min(visible.length-1,at+step));
  if(items[current])items[current].classList.remove("current");
  current=items.indexOf(visible[at]);var el=items[current];el.classList.add("current");
  var s=el.querySelector("summary");if(s){s.focus();s.scrollIntoView({block:"nearest"});}
}
document.addEventListener("keydown",function(e){
  if(e.ctrlKey||e.metaKey||e.altKey)return;
  if(e.target===q){if(e.key==="Escape"){q.value="";apply();q.blur();}return;}
  if(e.target instanceof HTMLInputElement||e.target instanceof HTMLSelectElement)return;
  if(e.key==="/"){e.preventDefault();q.focus();}
  else if(e.key==="j")move(1);else if(e.key==="k")move(-1);
  else if(e.key==="x")setAll(true);else if(e.key==="z")setAll(false);
});
// Printing shows every interaction that is not filtered out, then restores what was closed.
var closed=[];
window.addEventListener("beforeprint",function(){closed=items.filter(function(el){return !el.open&&!el.hidden;});closed.forEach(function(el){el.open=true;});});
window.addEventListener("afterprint",function(){closed.forEach(function(el){el.open=false;});closed=[];});
n.textContent=items.length+" interactions";
})();`;
